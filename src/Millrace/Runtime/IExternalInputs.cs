namespace Millrace;

/// <summary>
/// Implemented by a component that reads files from outside the pipeline (the data an ExampleGen ingests, a schema a
/// person edited). It names them, and the step's cache key takes in each one's full path, length and last write
/// time, so that a file edited in place, replaced, added or removed (a new span, say) makes the step run again rather
/// than hand on outputs made from the old data. The files are named before every run of the step, cached or not:
/// naming them must only list and resolve, never read.
/// </summary>
public interface IExternalInputs
{
    /// <summary>The files the step would read now: patterns expanded, the newest span taken.</summary>
    IEnumerable<string> ExternalFiles();
}
