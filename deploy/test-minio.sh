#!/usr/bin/env bash
# Runs the S3 media storage tests (MediaStorageTests, UploadStudyMediaTests) against MinIO, the image the compose
# stack uses, where Docker exists. The default test run uses s3rver instead (deploy/s3-test-server): no MinIO binary
# or image can be installed on the CI machines. Usage: deploy/test-minio.sh
set -euo pipefail
cd "$(dirname "$0")/.."

image=$(sed -nE 's/^\s*image: (minio\/minio:.*)$/\1/p' deploy/compose.yaml)
name="smartbranch-minio-test-$$"
password="minio-test-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
docker run -d --rm --name "$name" -p 127.0.0.1:19000:9000 \
  -e MINIO_ROOT_USER=smartbranch -e MINIO_ROOT_PASSWORD="$password" "$image" server /data >/dev/null
trap 'docker stop "$name" >/dev/null' EXIT

# Ready when its health endpoint answers (curl retries with a bound, no sleep loop).
curl -fsS --retry 30 --retry-connrefused --retry-delay 1 http://127.0.0.1:19000/minio/health/ready >/dev/null
docker exec "$name" mc alias set local http://127.0.0.1:9000 smartbranch "$password" >/dev/null
docker exec "$name" mc mb --ignore-existing local/smartbranch-test >/dev/null

SMARTBRANCH_TEST_S3_ENDPOINT=http://127.0.0.1:19000 SMARTBRANCH_TEST_S3_BUCKET=smartbranch-test \
SMARTBRANCH_TEST_S3_ACCESS_KEY=smartbranch SMARTBRANCH_TEST_S3_SECRET_KEY="$password" \
  dotnet test Api.Tests --filter "FullyQualifiedName~MediaStorageTests|FullyQualifiedName~UploadStudyMediaTests"
