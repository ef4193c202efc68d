using System.Security.Cryptography;

namespace Millrace.Tests;

public sealed class ContentDigestTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("millrace-digest-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_noted_sha256_gives_the_digest_that_reading_the_file_gives()
    {
        var (artifact, path) = ArtifactWithFile(new byte[100_000]);
        artifact.NoteFileSha256(path, SHA256.HashData(File.ReadAllBytes(path)));
        Assert.Equal(ContentDigest.Compute(_directory, artifact.Properties), ContentDigest.Compute(_directory, artifact.Properties, artifact.NotedSha256));
    }

    [Fact]
    public void A_noted_sha256_is_used_instead_of_reading_the_file()
    {
        // A wrong note shows that the file was not read: the digest follows the note.
        var (artifact, path) = ArtifactWithFile([1, 2, 3]);
        artifact.NoteFileSha256(path, new byte[32]);
        Assert.NotEqual(ContentDigest.Compute(_directory, artifact.Properties), ContentDigest.Compute(_directory, artifact.Properties, artifact.NotedSha256));
    }

    [Fact]
    public void A_file_changed_after_its_note_is_read_and_hashed_again()
    {
        var (artifact, path) = ArtifactWithFile([1, 2, 3]);
        artifact.NoteFileSha256(path, SHA256.HashData(File.ReadAllBytes(path)));
        File.WriteAllBytes(path, [4, 5, 6]);
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(1));
        Assert.Null(artifact.NotedSha256(path));
        Assert.Equal(ContentDigest.Compute(_directory, artifact.Properties), ContentDigest.Compute(_directory, artifact.Properties, artifact.NotedSha256));
    }

    [Fact]
    public void A_note_of_the_wrong_length_or_for_a_missing_file_is_refused()
    {
        var (artifact, path) = ArtifactWithFile([1]);
        Assert.Throws<ArgumentException>(() => artifact.NoteFileSha256(path, new byte[20]));
        Assert.Throws<FileNotFoundException>(() => artifact.NoteFileSha256(Path.Combine(_directory, "absent"), new byte[32]));
    }

    private (Examples Artifact, string Path) ArtifactWithFile(byte[] bytes)
    {
        var path = Path.Combine(_directory, "part-0.bin");
        File.WriteAllBytes(path, bytes);
        return (new Examples(), path);
    }
}
