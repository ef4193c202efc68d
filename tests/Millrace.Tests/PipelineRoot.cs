namespace Millrace.Tests;

/// <summary>A fresh pipeline root in the temporary directory with its store open; deleted when disposed.</summary>
public sealed class PipelineRoot : IAsyncDisposable
{
    public PipelineRoot()
    {
        Path = Directory.CreateTempSubdirectory("millrace-test-").FullName;
        Store = SqliteMetadataStore.OpenInRoot(Path);
        Runner = new LocalRunner(Store, Path);
    }

    public string Path { get; }

    public SqliteMetadataStore Store { get; }

    public LocalRunner Runner { get; }

    public Task<RunResult> RunAsync(IPipeline pipeline, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        Runner.RunAsync(pipeline, options, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Directory.Delete(Path, recursive: true);
    }
}
