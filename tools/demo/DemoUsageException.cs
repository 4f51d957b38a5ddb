namespace Actors.Demo;

/// <summary>Arguments the generator cannot run with; the message says which, and the usage follows it.</summary>
public sealed class DemoUsageException(string message) : Exception(message);
