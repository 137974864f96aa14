package secret

const Key = 42
