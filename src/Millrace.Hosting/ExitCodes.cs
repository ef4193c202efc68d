namespace Millrace.Hosting;

/// <summary>The process exit codes of the Millrace command line.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>A run finished with failed steps.</summary>
    public const int RunFailed = 1;

    /// <summary>A user's mistake: a bad option, an unknown pipeline, step, run or artifact.</summary>
    public const int UsageError = 2;

    /// <summary>Cancelled (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
