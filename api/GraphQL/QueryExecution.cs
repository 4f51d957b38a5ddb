namespace Actors.Api.GraphQL;

/// <summary>
/// How the fields of a query are executed (<c>GraphQL:QueryExecution</c>). <see cref="Parallel"/>, GraphQL for .NET's
/// default, starts a field's siblings together, which pays when several of them wait on grains or PostgreSQL at once;
/// <see cref="Serial"/> resolves them one after the other without a task per field, which is cheaper for answers made
/// of many fields already in memory (a page of a list, a progress table). Mutations are always serial (the spec).
/// </summary>
public enum QueryExecution
{
    Parallel,
    Serial,
}
