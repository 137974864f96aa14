# Shared helpers for the scripts in this directory; sourced, not run.
# ROOT is the repository root, whatever the caller's working directory.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# apt_install PKG...: install the Debian packages that are not installed yet.
# Quiet when everything is present; runs `apt-get update` only when an install
# without it fails (a fresh machine's package lists may be missing or stale).
apt_install() {
    local missing=() p
    for p in "$@"; do
        if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
            missing+=("$p")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y -q "${missing[@]}" >&2 && return 0
    $sudo apt-get update -q >&2 && $sudo apt-get install -y -q "${missing[@]}" >&2
}
