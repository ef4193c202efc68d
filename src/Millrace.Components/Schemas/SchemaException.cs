namespace Millrace.Components.Schemas;

/// <summary>A schema file that cannot be used: what is wrong, where (file, line, column when known) and what to do.</summary>
public sealed class SchemaException(string message) : Exception(message);
