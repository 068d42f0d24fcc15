#!/usr/bin/env python3
"""Creates a bucket on an S3 endpoint (the dev cluster's MinIO) with a SigV4-signed PUT, using only
the standard library: these machines have no S3 client. An existing bucket is fine.

    make-bucket.py ENDPOINT BUCKET   (credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)
"""
import datetime
import hashlib
import hmac
import os
import sys
import urllib.error
import urllib.parse
import urllib.request


def sign(key, msg):
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


def put_bucket(endpoint, bucket, access, secret, region="us-east-1"):
    host = urllib.parse.urlparse(endpoint).netloc
    now = datetime.datetime.now(datetime.timezone.utc)
    stamp, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    payload = hashlib.sha256(b"").hexdigest()
    headers = f"host:{host}\nx-amz-content-sha256:{payload}\nx-amz-date:{stamp}\n"
    signed = "host;x-amz-content-sha256;x-amz-date"
    request = f"PUT\n/{bucket}\n\n{headers}\n{signed}\n{payload}"
    scope = f"{day}/{region}/s3/aws4_request"
    to_sign = f"AWS4-HMAC-SHA256\n{stamp}\n{scope}\n{hashlib.sha256(request.encode()).hexdigest()}"
    key = sign(sign(sign(sign(f"AWS4{secret}".encode(), day), region), "s3"), "aws4_request")
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    auth = f"AWS4-HMAC-SHA256 Credential={access}/{scope}, SignedHeaders={signed}, Signature={signature}"
    req = urllib.request.Request(f"{endpoint}/{bucket}", method="PUT", headers={
        "x-amz-content-sha256": payload, "x-amz-date": stamp, "Authorization": auth})
    try:
        urllib.request.urlopen(req, timeout=10)
    except urllib.error.HTTPError as e:
        body = e.read().decode()
        if "BucketAlreadyOwnedByYou" not in body:
            sys.exit(f"creating bucket {bucket} at {endpoint}: HTTP {e.code}: {body}")


if __name__ == "__main__":
    put_bucket(sys.argv[1], sys.argv[2], os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"])
