//! Upkeep of the package cache (`cache_dir()`): objects `KEY.o` and linked
//! executables `KEY.exe`. Like go's build cache, an entry's mtime records
//! its last use (refreshed at most once an hour, so a warm build writes
//! nothing), and every so often a build trims the cache: entries unused
//! for `MAX_AGE` go, and if what is left is larger than the limit
//! (`$RGOC_CACHE_LIMIT_MB`, default 8 GiB; 0: no limit) the least recently
//! used go until it is under three quarters of it. (go trims by age only,
//! once a day; rgoc also caches executables, which test suites produce by
//! the thousand, so the cache needs a size bound as well.)

use std::path::Path;
use std::time::{Duration, SystemTime};

/// Entries not used for this long are removed (go: 5 days).
const MAX_AGE: Duration = Duration::from_secs(5 * 24 * 3600);
/// How often a build looks at the whole cache.
const TRIM_INTERVAL: Duration = Duration::from_secs(600);
/// A used entry's mtime is refreshed when it is older than this.
const USE_RESOLUTION: Duration = Duration::from_secs(3600);
const DEFAULT_LIMIT_MB: u64 = 8 * 1024;

/// Copies a file into the cache atomically (write + rename), so that a
/// concurrent build never sees a partial file.
pub fn store(file: &Path, dest: &Path) {
    let tmp = dest.with_extension(format!("tmp{}", std::process::id()));
    if std::fs::copy(file, &tmp).is_ok() && std::fs::rename(&tmp, dest).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// Records that a cache entry was used (a hit).
pub fn mark_used(entry: &Path) {
    let now = SystemTime::now();
    let Ok(m) = std::fs::metadata(entry).and_then(|m| m.modified()) else { return };
    if now.duration_since(m).is_ok_and(|d| d > USE_RESOLUTION) {
        if let Ok(f) = std::fs::File::options().append(true).open(entry) {
            let _ = f.set_modified(now);
        }
    }
}

fn limit_bytes() -> u64 {
    let mb = std::env::var("RGOC_CACHE_LIMIT_MB").ok().and_then(|v| v.trim().parse::<u64>().ok()).unwrap_or(DEFAULT_LIMIT_MB);
    mb.saturating_mul(1 << 20)
}

/// Trims the cache in `dir` if the last trim was `TRIM_INTERVAL` ago
/// (the stamp file `trim.txt`'s mtime; concurrent builds may both trim,
/// which is harmless: removing a file another build is about to copy out
/// of the cache only makes that build's copy fail as a miss would not,
/// so entries younger than a minute are never removed).
pub fn maybe_trim(dir: &Path) {
    let stamp = dir.join("trim.txt");
    let now = SystemTime::now();
    if let Ok(m) = std::fs::metadata(&stamp).and_then(|m| m.modified()) {
        if now.duration_since(m).is_ok_and(|d| d < TRIM_INTERVAL) {
            return;
        }
    }
    if std::fs::write(&stamp, b"").is_err() {
        return;
    }
    trim(dir, now, limit_bytes());
}

/// Removes entries unused for `MAX_AGE`, then the least recently used until
/// the rest is within three quarters of `limit` (when `limit` > 0).
/// Returns the bytes removed.
pub fn trim(dir: &Path, now: SystemTime, limit: u64) -> u64 {
    let Ok(rd) = std::fs::read_dir(dir) else { return 0 };
    let mut entries: Vec<(SystemTime, u64, std::path::PathBuf)> = Vec::new();
    for e in rd.flatten() {
        let p = e.path();
        let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
        // Entries, and temporaries of copies that did not finish.
        if !(ext == "o" || ext == "exe" || ext == "inst" || ext.starts_with("tmp")) {
            continue;
        }
        let Ok(m) = e.metadata() else { continue };
        entries.push((m.modified().unwrap_or(now), m.len(), p));
    }
    let young = |t: SystemTime| now.duration_since(t).map_or(true, |d| d < Duration::from_secs(60));
    let mut removed = 0u64;
    let mut total: u64 = entries.iter().map(|e| e.1).sum();
    entries.sort_by_key(|e| e.0);
    let target = limit / 4 * 3;
    for (t, len, p) in &entries {
        if young(*t) {
            break;
        }
        let old = now.duration_since(*t).is_ok_and(|d| d > MAX_AGE);
        let over = limit > 0 && total > target;
        // Temporaries older than a minute belong to builds that died.
        let stale_tmp = p.extension().and_then(|x| x.to_str()).is_some_and(|x| x.starts_with("tmp"));
        if !(old || over || stale_tmp) {
            continue;
        }
        if std::fs::remove_file(p).is_ok() {
            total -= len;
            removed += len;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_old_then_least_recently_used() {
        let dir = std::env::temp_dir().join(format!("rgoc-trim-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let now = SystemTime::now();
        let hour = Duration::from_secs(3600);
        // name, age, size
        let files = [("a.o", 10 * 24, 100), ("b.exe", 3, 400), ("c.o", 2, 400), ("d.o", 1, 400), ("keep.txt", 100 * 24, 10)];
        for (name, age_h, size) in files {
            let p = dir.join(name);
            std::fs::write(&p, vec![0u8; size]).unwrap();
            let f = std::fs::File::options().append(true).open(&p).unwrap();
            f.set_modified(now - hour * age_h).unwrap();
        }
        // A fresh entry (just stored) is never removed.
        std::fs::write(dir.join("e.o"), vec![0u8; 400]).unwrap();
        // Limit 1200: a.o goes by age; then 1600 bytes are left, over
        // 900 (3/4 of the limit): b.exe and c.o go, the oldest first.
        let removed = trim(&dir, now, 1200);
        assert_eq!(removed, 900);
        let mut left: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        left.sort();
        assert_eq!(left, ["d.o", "e.o", "keep.txt"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn use_refreshes_an_old_entry() {
        let p = std::env::temp_dir().join(format!("rgoc-use-test-{}.o", std::process::id()));
        std::fs::write(&p, b"x").unwrap();
        let old = SystemTime::now() - Duration::from_secs(2 * 3600);
        std::fs::File::options().append(true).open(&p).unwrap().set_modified(old).unwrap();
        mark_used(&p);
        let m = std::fs::metadata(&p).unwrap().modified().unwrap();
        assert!(SystemTime::now().duration_since(m).unwrap() < Duration::from_secs(60));
        std::fs::remove_file(&p).unwrap();
    }
}
