namespace Millrace.Components.Tests;

/// <summary>A fresh pipeline root in the temporary directory with its SQLite store open, and a folder for input files; deleted when disposed.</summary>
public sealed class PipelineRoot : IAsyncDisposable
{
    public PipelineRoot()
    {
        Path = Directory.CreateTempSubdirectory("millrace-components-").FullName;
        Inputs = Directory.CreateDirectory(System.IO.Path.Combine(Path, "inputs")).FullName;
        Store = SqliteMetadataStore.OpenInRoot(Path);
        Runner = new LocalRunner(Store, Path);
    }

    public string Path { get; }

    public string Inputs { get; }

    public SqliteMetadataStore Store { get; }

    public LocalRunner Runner { get; }

    /// <summary>Writes an input file (bytes as given) and returns its path.</summary>
    public string Input(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Inputs, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes a UTF-8 input file without a BOM and returns its path.</summary>
    public string Input(string name, string text) => Input(name, System.Text.Encoding.UTF8.GetBytes(text));

    public Task<RunResult> RunAsync(IPipeline pipeline) => Runner.RunAsync(pipeline);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Directory.Delete(Path, recursive: true);
    }
}
