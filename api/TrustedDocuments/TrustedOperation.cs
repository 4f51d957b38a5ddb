using GraphQLParser.AST;

namespace Actors.Api.TrustedDocuments;

/// <summary>One registered operation: its hash (SHA-256 of <paramref name="Document"/>, lower-case hex), its name, its text, and that text parsed once.</summary>
public sealed record TrustedOperation(string Hash, string Name, string Document, GraphQLDocument Parsed);
