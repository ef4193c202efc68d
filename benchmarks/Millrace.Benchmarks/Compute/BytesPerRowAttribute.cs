namespace Millrace.Benchmarks.Compute;

/// <summary>How many bytes of column one invocation of the benchmark reads, per row (times the Rows parameter).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BytesPerRowAttribute(int bytes) : Attribute
{
    public int Bytes { get; } = bytes;
}
