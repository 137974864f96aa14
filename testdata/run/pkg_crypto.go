// crypto/sha256, md5, sha1, sha512, hmac, aes and cipher compiled from the
// Go distribution's sources (pure Go: build tag purego).
package main

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"io"
)

func main() {
	msg := []byte("The quick brown fox jumps over the lazy dog")
	fmt.Printf("md5    %x\n", md5.Sum(msg))
	fmt.Printf("sha1   %x\n", sha1.Sum(msg))
	fmt.Printf("sha224 %x\n", sha256.Sum224(msg))
	fmt.Printf("sha256 %x\n", sha256.Sum256(msg))
	fmt.Printf("sha384 %x\n", sha512.Sum384(msg))
	fmt.Printf("sha512 %x\n", sha512.Sum512(msg))

	h := sha256.New()
	for i := 0; i < 1000; i++ {
		io.WriteString(h, "chunk of data ")
	}
	fmt.Printf("stream %x size=%d block=%d\n", h.Sum(nil), h.Size(), h.BlockSize())

	mac := hmac.New(sha256.New, []byte("key"))
	mac.Write(msg)
	sum := mac.Sum(nil)
	fmt.Printf("hmac   %x\n", sum)
	mac2 := hmac.New(sha256.New, []byte("key"))
	mac2.Write(msg)
	fmt.Println(hmac.Equal(sum, mac2.Sum(nil)), hmac.Equal(sum, sum[1:]))

	key := []byte("0123456789abcdef")
	block, err := aes.NewCipher(key)
	fmt.Println(block.BlockSize(), err)
	out := make([]byte, 16)
	block.Encrypt(out, []byte("exactly16bytes!!"))
	fmt.Printf("aes    %x\n", out)
	back := make([]byte, 16)
	block.Decrypt(back, out)
	fmt.Printf("%s\n", back)

	iv := make([]byte, 16)
	ctr := cipher.NewCTR(block, iv)
	ct := make([]byte, len(msg))
	ctr.XORKeyStream(ct, msg)
	fmt.Printf("ctr    %x\n", ct)
	gcm, err := cipher.NewGCM(block)
	nonce := make([]byte, gcm.NonceSize())
	sealed := gcm.Seal(nil, nonce, msg, []byte("ad"))
	fmt.Printf("gcm    %x %v\n", sealed, err)
	opened, err := gcm.Open(nil, nonce, sealed, []byte("ad"))
	fmt.Printf("%s %v\n", opened, err)
	sealed[0] ^= 1
	_, err = gcm.Open(nil, nonce, sealed, []byte("ad"))
	fmt.Println(err)
	_, err = aes.NewCipher([]byte("short"))
	fmt.Println(err)
}
