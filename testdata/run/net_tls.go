// crypto/tls over the loopback interface with a certificate generated in
// the program (crypto/x509, ECDSA P-256): handshake, the negotiated
// parameters, a verified chain, data both ways, and a client that does
// not trust the certificate. Only deterministic facts are printed.
package main

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strings"
	"time"
)

func main() {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		fmt.Println(err)
		return
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(42),
		Subject:               pkix.Name{CommonName: "rgoc test", Organization: []string{"rgoc"}},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"example.test"},
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		fmt.Println(err)
		return
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("certificate:", cert.Subject.CommonName, cert.Subject.Organization, cert.SerialNumber, cert.SignatureAlgorithm, cert.DNSNames, cert.IPAddresses)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	chains, err := cert.Verify(x509.VerifyOptions{Roots: pool, DNSName: "example.test"})
	fmt.Println("verify:", len(chains), err)
	_, err = cert.Verify(x509.VerifyOptions{Roots: pool, DNSName: "other.test"})
	fmt.Println("verify other name:", err)

	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{
		Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}},
		MinVersion:   tls.VersionTLS12,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				r := bufio.NewReader(c)
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						return
					}
					fmt.Fprintf(c, "echo: %s", strings.ToUpper(line))
				}
			}()
		}
	}()

	for _, v := range []uint16{tls.VersionTLS12, tls.VersionTLS13} {
		conn, err := tls.Dial("tcp", ln.Addr().String(), &tls.Config{
			RootCAs:    pool,
			ServerName: "example.test",
			MaxVersion: v,
		})
		if err != nil {
			fmt.Println("dial:", err)
			continue
		}
		st := conn.ConnectionState()
		fmt.Println("handshake:", st.HandshakeComplete, tls.VersionName(st.Version), tls.CipherSuiteName(st.CipherSuite) != "",
			len(st.PeerCertificates), st.PeerCertificates[0].Subject.CommonName, len(st.VerifiedChains))
		fmt.Fprintf(conn, "hello over tls %d\n", v)
		line, err := bufio.NewReader(conn).ReadString('\n')
		fmt.Printf("reply: %q %v\n", line, err)
		conn.Close()
	}

	// A client without the certificate in its roots refuses it.
	_, err = tls.Dial("tcp", ln.Addr().String(), &tls.Config{ServerName: "example.test", RootCAs: x509.NewCertPool()})
	var uae x509.UnknownAuthorityError
	fmt.Println("untrusted:", errors.As(err, &uae))
}
