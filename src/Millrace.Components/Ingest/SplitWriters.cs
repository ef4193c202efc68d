using Millrace.Compute.IO;

namespace Millrace.Components;

/// <summary>The Parquet writers of every split of an <see cref="Examples"/> artifact, created with the first input's columns.</summary>
internal sealed class SplitWriters(Artifact examples, IReadOnlyList<string> splits, ExampleCompression compression) : IAsyncDisposable
{
    private SplitWriter[] _writers = [];
    private IReadOnlyList<ColumnType> _types = [];

    /// <summary>The column names, once the first input is open.</summary>
    public IReadOnlyList<string>? Names { get; private set; }

    /// <summary>How many splits there are.</summary>
    public int Count => splits.Count;

    /// <summary>The writer of split <paramref name="split"/>.</summary>
    public SplitWriter this[int split] => _writers[split];

    /// <summary>Creates the writers for the first input; checks that a later input has the same columns.</summary>
    /// <exception cref="ExampleGenException">A later input's columns differ from the first's.</exception>
    public async Task EnsureCreatedAsync(IReadOnlyList<string> names, IReadOnlyList<ColumnType> types, string file, CancellationToken cancellationToken)
    {
        if (Names is not null)
        {
            if (!Names.SequenceEqual(names) || !_types.SequenceEqual(types))
                throw new ExampleGenException($"{file}: columns [{Describe(names, types)}] differ from the first input's [{Describe(Names, _types)}]; every input of one ExampleGen must have the same columns (set TypeOverrides to align types).");
            return;
        }
        Names = names;
        _types = types;
        _writers = new SplitWriter[splits.Count];
        for (int s = 0; s < splits.Count; s++)
            _writers[s] = await SplitWriter.CreateAsync(ExampleLayout.PartPath(examples, splits[s], 0), names, types, cancellationToken, compression).ConfigureAwait(false);
    }

    private static string Describe(IReadOnlyList<string> names, IReadOnlyList<ColumnType> types) =>
        string.Join(", ", names.Select((n, i) => $"{n}:{types[i]}"));

    /// <summary>
    /// Closes every file, side by side: each writes its footer and waits for its flush to disk. Each file's SHA-256,
    /// hashed as it was written, is noted on the artifact, so that publishing does not read the splits back.
    /// </summary>
    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(_writers.Select(writer => Task.Run(async () =>
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            examples.NoteFileSha256(writer.Path, writer.Sha256!);
        }))).ConfigureAwait(false);
}
