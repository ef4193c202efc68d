namespace Millrace;

/// <summary>
/// The base of the errors a user can meet and fix: a bad option, an unknown step, a store from a newer version.
/// The message says what was wrong and where; command-line hosts print it as one line, without a stack trace.
/// </summary>
public class MillraceException(string message, Exception? innerException = null) : Exception(message, innerException);
