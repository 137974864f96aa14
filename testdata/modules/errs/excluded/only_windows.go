package excluded

const OS = "windows"
