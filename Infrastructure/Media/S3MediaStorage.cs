using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace SmartBranch.Infrastructure.Media;

/// <summary>
/// Media in an S3-compatible bucket (MinIO in production, s3rver in the tests) through the AWS SDK. Reads are
/// ranged GETs behind a seekable stream, so a video is never fetched whole to answer a range request.
/// </summary>
public sealed class S3MediaStorage(IAmazonS3 client, string bucket) : IMediaStorage
{
    /// <summary>A client for <paramref name="options"/>: path-style addressing (MinIO's default) and checksums only where the API requires them (S3-compatible stores do not all accept the SDK's trailing checksums).</summary>
    public static S3MediaStorage Create(S3MediaOptions options)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = options.Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = options.Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        return new S3MediaStorage(new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config), options.Bucket!);
    }

    public async Task<string> SaveAsync(Guid id, string extension, Stream content, CancellationToken cancellationToken)
    {
        var key = $"{id:N}{extension}";
        await PutAsync(key, content, cancellationToken);
        return key;
    }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        MediaKeys.Checked(key);

        // The request is signed over its payload, which needs a stream the SDK can read twice.
        Stream? buffered = null;
        if (!content.CanSeek)
        {
            buffered = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await content.CopyToAsync(buffered, cancellationToken);
            buffered.Position = 0;
        }

        try
        {
            // A PUT replaces the object atomically: readers see the old object or the new one.
            await client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = key,
                InputStream = buffered ?? content,
                AutoCloseStream = false,
                UseChunkEncoding = false,
            }, cancellationToken);
        }
        finally
        {
            if (buffered is not null)
            {
                await buffered.DisposeAsync();
            }
        }
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken) =>
        await GetSizeAsync(key, cancellationToken) is { } size ? new S3ReadStream(client, bucket, key, size) : null;

    public async Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken)
    {
        if (!MediaKeys.IsValid(key))
        {
            return null;
        }

        try
        {
            var metadata = await client.GetObjectMetadataAsync(bucket, key, cancellationToken);
            return metadata.ContentLength;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (MediaKeys.IsValid(key))
        {
            // S3 answers success for a key that does not exist.
            await client.DeleteObjectAsync(bucket, key, cancellationToken);
        }
    }

    public async Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken)
    {
        if (!MediaKeys.IsValid(folder))
        {
            return 0;
        }

        // One listing page at a time (at most 1,000 keys), each key deleted on its own: multi-object delete needs a
        // Content-MD5 or checksum header that S3-compatible servers do not all accept (see Create).
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = folder + "/" };
        var deleted = 0;
        ListObjectsV2Response page;
        do
        {
            page = await client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                await client.DeleteObjectAsync(bucket, item.Key, cancellationToken);
                deleted++;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true && page.NextContinuationToken is not null);

        return deleted;
    }

    /// <summary>
    /// A read-only, seekable view of one object: reading opens a ranged GET from the current position to the
    /// end and keeps reading it while reads are sequential; a seek drops it and the next read opens a new one.
    /// </summary>
    private sealed class S3ReadStream(IAmazonS3 client, string bucket, string key, long length) : Stream
    {
        private GetObjectResponse? _response;
        private Stream? _body;
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => Seek(value, SeekOrigin.Begin);
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            var target = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => length + offset,
            };
            ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
            if (target != _position)
            {
                CloseBody();
                _position = target;
            }

            return _position;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.Length == 0 || _position >= length)
            {
                return 0;
            }

            if (_body is null)
            {
                _response = await client.GetObjectAsync(new GetObjectRequest
                {
                    BucketName = bucket,
                    Key = key,
                    ByteRange = new ByteRange(_position, length - 1),
                }, cancellationToken);
                _body = _response.ResponseStream;
            }

            var read = await _body.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException($"The object '{key}' ended at {_position} bytes, before its stored size of {length}.");
            }

            _position += read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        // Kestrel and FileStreamHttpResult read asynchronously; blocking reads are not offered.
        public override int Read(byte[] buffer, int offset, int count) =>
            throw new NotSupportedException("Read the S3 media stream asynchronously.");

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                CloseBody();
            }

            base.Dispose(disposing);
        }

        private void CloseBody()
        {
            _body?.Dispose();
            _response?.Dispose();
            _body = null;
            _response = null;
        }
    }
}
