using System.Security.Cryptography;
using SmartBranch.Infrastructure.Media;

namespace SmartBranch.Api.Tests.Features.Study;

/// <summary>
/// The one suite both media storages must pass (Infrastructure/Media/README.md): the local folder and the S3
/// storage against a real S3-protocol server (s3rver).
/// </summary>
[TestFixture(MediaProvider.Local)]
[TestFixture(MediaProvider.S3)]
public sealed class MediaStorageTests(MediaProvider provider)
{
    private IMediaStorage _storage = null!;
    private string _folder = null!;
    private string _prefix = null!;

    [OneTimeSetUp]
    public async Task CreateStorage()
    {
        _folder = Directory.CreateTempSubdirectory("smartbranch-media-").FullName;
        _storage = provider == MediaProvider.Local
            ? new LocalMediaStorage(_folder)
            : S3MediaStorage.Create((await S3TestServer.SharedAsync()).Options);
    }

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [SetUp]
    public void NewPrefix() => _prefix = $"contract/{Guid.NewGuid():N}";

    [Test]
    public async Task ReadsBackTheSameBytes_WhenStored()
    {
        var bytes = RandomNumberGenerator.GetBytes(3_000_000);
        await _storage.PutAsync($"{_prefix}/a.bin", new MemoryStream(bytes), CancellationToken.None);

        await using var stream = await _storage.OpenAsync($"{_prefix}/a.bin", CancellationToken.None);
        Assert.That(stream, Is.Not.Null);
        Assert.That(stream!.CanSeek, Is.True);
        Assert.That(stream.Length, Is.EqualTo(bytes.Length));
        Assert.That(await SHA256.HashDataAsync(stream), Is.EqualTo(SHA256.HashData(bytes)));
        Assert.That(await _storage.GetSizeAsync($"{_prefix}/a.bin", CancellationToken.None), Is.EqualTo(bytes.Length));
    }

    [Test]
    public async Task ReturnsExactlyTheAskedBytes_WhenSeekingIntoTheMiddle()
    {
        var bytes = RandomNumberGenerator.GetBytes(2_500_000);
        await _storage.PutAsync($"{_prefix}/range.bin", new MemoryStream(bytes), CancellationToken.None);

        await using var stream = (await _storage.OpenAsync($"{_prefix}/range.bin", CancellationToken.None))!;
        var read = await ReadAtAsync(stream, 1_000_000, 1_000_000);
        var back = await ReadAtAsync(stream, 10, 100);

        Assert.That(read, Is.EqualTo(bytes[1_000_000..2_000_000]));
        Assert.That(back, Is.EqualTo(bytes[10..110]));
    }

    [Test]
    public async Task KeepsOneCopy_WhenTheSameKeyIsStoredAgain()
    {
        var first = RandomNumberGenerator.GetBytes(100_000);
        var second = RandomNumberGenerator.GetBytes(50_000);
        await _storage.PutAsync($"{_prefix}/chunk", new MemoryStream(first), CancellationToken.None);
        await _storage.PutAsync($"{_prefix}/chunk", new MemoryStream(first), CancellationToken.None);
        Assert.That(await ReadAllAsync($"{_prefix}/chunk"), Is.EqualTo(first));

        await _storage.PutAsync($"{_prefix}/chunk", new MemoryStream(second), CancellationToken.None);
        Assert.That(await ReadAllAsync($"{_prefix}/chunk"), Is.EqualTo(second));
    }

    [Test]
    public async Task StoresFromTheStreamsPosition_WhenTheStreamCannotSeek()
    {
        var bytes = RandomNumberGenerator.GetBytes(70_000);
        await _storage.PutAsync($"{_prefix}/piped", new ForwardOnlyStream(bytes), CancellationToken.None);

        Assert.That(await ReadAllAsync($"{_prefix}/piped"), Is.EqualTo(bytes));
    }

    [Test]
    public async Task FindsNothing_WhenNothingIsStoredOrItWasDeleted()
    {
        Assert.That(await _storage.OpenAsync($"{_prefix}/missing", CancellationToken.None), Is.Null);
        Assert.That(await _storage.GetSizeAsync($"{_prefix}/missing", CancellationToken.None), Is.Null);

        await _storage.PutAsync($"{_prefix}/gone", new MemoryStream([1, 2, 3]), CancellationToken.None);
        await _storage.DeleteAsync($"{_prefix}/gone", CancellationToken.None);
        await _storage.DeleteAsync($"{_prefix}/gone", CancellationToken.None);

        Assert.That(await _storage.OpenAsync($"{_prefix}/gone", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task RemovesEveryKeyUnderTheFolder_AndNothingBeside_WhenDeletingAFolder()
    {
        string[] inside = [$"{_prefix}/up/00000", $"{_prefix}/up/00001", $"{_prefix}/up/deeper/poster.jpg"];
        string[] beside = [$"{_prefix}/upper/00000", $"{_prefix}/up.bin", $"{_prefix}/other"];
        foreach (var key in inside.Concat(beside))
        {
            await _storage.PutAsync(key, new MemoryStream([1, 2, 3]), CancellationToken.None);
        }

        var removed = await _storage.DeleteFolderAsync($"{_prefix}/up", CancellationToken.None);
        var again = await _storage.DeleteFolderAsync($"{_prefix}/up", CancellationToken.None);
        var invalid = await _storage.DeleteFolderAsync("../outside", CancellationToken.None);
        var sizes = new Dictionary<string, long?>();
        foreach (var key in inside.Concat(beside))
        {
            sizes[key] = await _storage.GetSizeAsync(key, CancellationToken.None);
        }

        Assert.Multiple(() =>
        {
            Assert.That(removed, Is.EqualTo(inside.Length));
            Assert.That(again, Is.Zero, "deleting an empty folder does nothing");
            Assert.That(invalid, Is.Zero);
            Assert.That(inside.Select(k => sizes[k]), Is.All.Null, "everything under the folder is gone");
            Assert.That(beside.Select(k => sizes[k]), Is.All.EqualTo(3), "keys beside the folder stay");
        });
    }

    [Test]
    public async Task NamesTheKeyAfterTheId_WhenSavingAnImage()
    {
        var id = Guid.NewGuid();
        var key = await _storage.SaveAsync(id, ".png", new MemoryStream([0x89, 0x50]), CancellationToken.None);

        Assert.That(key, Is.EqualTo($"{id:N}.png"));
        Assert.That(await ReadAllAsync(key), Is.EqualTo(new byte[] { 0x89, 0x50 }));
    }

    [TestCase("../outside")]
    [TestCase("/etc/passwd")]
    [TestCase("a//b")]
    [TestCase("a/../../b")]
    [TestCase("a\\b")]
    [TestCase("")]
    public async Task RefusesAKey_ThatCouldLeaveTheStorage(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.PutAsync(key, new MemoryStream([1]), CancellationToken.None));
        Assert.That(await _storage.OpenAsync(key, CancellationToken.None), Is.Null);
        Assert.That(await _storage.GetSizeAsync(key, CancellationToken.None), Is.Null);
    }

    private async Task<byte[]> ReadAllAsync(string key)
    {
        await using var stream = (await _storage.OpenAsync(key, CancellationToken.None))!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<byte[]> ReadAtAsync(Stream stream, long offset, int count)
    {
        stream.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }

    /// <summary>A request body: readable once, front to back.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
