#!/usr/bin/env bash
# Writes the certificates of the TLS tests to ../resources/tls: a private CA, a server certificate it signed for
# "localhost" only (no IP address, so that https://127.0.0.1 fails hostname verification), and a client certificate it
# signed for the worker (mutual TLS). Valid for 100 years: the tests must not start failing one day.
#
# They are committed, PEM only (text, reviewable), so that the build needs nothing but a JDK; the tests build the
# PKCS#12 stores WireMock needs from them with the JDK's KeyStore API. The keys protect nothing: test use only.
# Run it again (OpenSSL 3) only to change them; the CA's key is not kept.
set -euo pipefail
out="$(cd "$(dirname "$0")/../resources/tls" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
days=36500

openssl req -x509 -newkey rsa:2048 -nodes -days "$days" -subj "/CN=Conductor Test CA" \
    -keyout "$work/ca.key" -out "$out/conductor-ca.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"

sign() { # name, subject, extensions
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/$1.key"
    openssl req -new -key "$out/$1.key" -subj "$2" -out "$work/$1.csr"
    printf '%s\n' "$3" >"$work/$1.ext"
    openssl x509 -req -in "$work/$1.csr" -CA "$out/conductor-ca.crt" -CAkey "$work/ca.key" -CAcreateserial -CAserial "$work/ca.srl" \
        -days "$days" -extfile "$work/$1.ext" -out "$out/$1.crt"
}

sign server "/CN=localhost" "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost"

sign worker "/CN=conductor-worker" "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth"
