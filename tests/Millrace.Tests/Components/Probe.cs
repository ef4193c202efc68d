using System.Collections.Concurrent;

namespace Millrace.Tests;

/// <summary>
/// Lets tests watch components run: how many times each step ran and how many ran at once. Keyed by a per-test
/// string passed as a parameter, so that tests running in parallel do not see each other.
/// </summary>
public static class Probe
{
    private static readonly ConcurrentDictionary<string, Counters> All = new();

    /// <summary>A fresh key for one test.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>The counters of a key.</summary>
    public static Counters Of(string key) => All.GetOrAdd(key, _ => new Counters());

    /// <summary>How many times a step has entered under a key.</summary>
    public static int Count(string key, string step) => key.Length == 0 ? 0 : Of(key).Executions.GetValueOrDefault(step);

    /// <summary>Records that a step runs until the returned scope is disposed.</summary>
    public static IDisposable Enter(string key, string step)
    {
        if (key.Length == 0) return new Scope(null);
        var counters = Of(key);
        counters.Executions.AddOrUpdate(step, 1, (_, n) => n + 1);
        var now = Interlocked.Increment(ref counters.Concurrent);
        lock (counters) counters.MaxConcurrent = Math.Max(counters.MaxConcurrent, now);
        counters.Started.Writer.TryWrite(step);
        return new Scope(counters);
    }

    public sealed class Counters
    {
        public readonly ConcurrentDictionary<string, int> Executions = new();
        public readonly System.Threading.Channels.Channel<string> Started = System.Threading.Channels.Channel.CreateUnbounded<string>();
        public int Concurrent;
        public int MaxConcurrent;
    }

    private sealed class Scope(Counters? counters) : IDisposable
    {
        public void Dispose()
        {
            if (counters is not null) Interlocked.Decrement(ref counters.Concurrent);
        }
    }
}
