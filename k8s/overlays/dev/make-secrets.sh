#!/usr/bin/env bash
# Writes this overlay's secrets (never committed: .gitignore): random keys for the webhook, the tokens and the check
# log's and the audit trail's address hashes, the document holders' key, the Orleans Dashboard's password, and a P-256 document signing key. Run once before `kubectl apply -k k8s/overlays/dev`.
set -euo pipefail
cd "$(dirname "$0")"
if [[ ! -f secrets.env ]]; then
  umask 077
  {
    echo "payments-webhook-secret=whsec_$(openssl rand -base64 32)"
    echo "auth-signing-key=$(openssl rand -base64 48)"
    echo "document-check-address-hash-key=$(openssl rand -base64 32)"
  } > secrets.env
fi
# Added later than the others: a secrets.env written before gets it too.
if ! grep -q '^dashboard-password=' secrets.env; then
  umask 077
  echo "dashboard-password=$(openssl rand -base64 24)" >> secrets.env
fi
if ! grep -q '^audit-address-hash-key=' secrets.env; then
  umask 077
  echo "audit-address-hash-key=$(openssl rand -base64 32)" >> secrets.env
fi
if ! grep -q '^document-holder-key=' secrets.env; then
  umask 077
  echo "document-holder-key=$(openssl rand -base64 32)" >> secrets.env
fi
if [[ ! -f document-signing-key.pem ]]; then
  umask 077
  openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out document-signing-key.pem
fi
echo "k8s/overlays/dev: secrets.env and document-signing-key.pem are ready."
