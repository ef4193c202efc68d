namespace Millrace.Hosting;

/// <summary>
/// Where the command line writes: results to <see cref="Out"/> (so that they can be piped), progress and errors to
/// <see cref="Error"/>. Replace the registration to capture output, as tests do.
/// </summary>
/// <param name="Out">Results: graphs, tables, summaries.</param>
/// <param name="Error">Errors, one line each, and the progress display.</param>
/// <param name="IsInteractive">True when <see cref="Error"/> is a terminal a live progress display can redraw.</param>
public sealed record MillraceConsole(TextWriter Out, TextWriter Error, bool IsInteractive)
{
    /// <summary>The process's console; interactive when standard error is a terminal.</summary>
    public static MillraceConsole System { get; } = new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
