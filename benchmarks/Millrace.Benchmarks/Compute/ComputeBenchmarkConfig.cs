using BenchmarkDotNet.Configs;

namespace Millrace.Benchmarks.Compute;

/// <summary>Adds the GB/s column to the kernel benchmarks.</summary>
public sealed class ComputeBenchmarkConfig : ManualConfig
{
    public ComputeBenchmarkConfig() => AddColumn(new ThroughputColumn());
}
