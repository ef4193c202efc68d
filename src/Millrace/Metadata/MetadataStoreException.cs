namespace Millrace;

/// <summary>The metadata store cannot be opened or used: a newer schema, a corrupt file, a missing record.</summary>
public sealed class MetadataStoreException(string message, Exception? innerException = null)
    : MillraceException(message, innerException);
