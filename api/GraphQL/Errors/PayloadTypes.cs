using Actors.Contracts.Errors;
using GraphQL.Types;

namespace Actors.Api.GraphQL.Errors;

/// <summary>Builds <c>VerbNounPayload</c> types and runs mutation bodies so that domain refusals become payload errors.</summary>
public static class PayloadTypes
{
    /// <summary><c>type {Name}Payload { {valueField}: {valueType} errors: [{Name}Error!] }</c>.</summary>
    public static ObjectGraphType<MutationPayload> Build(
        string mutationTypeName, string valueField, IGraphType valueType, UnionGraphType errors, string valueDescription)
    {
        var payload = new ObjectGraphType<MutationPayload> { Name = mutationTypeName + "Payload" };
        payload.Field(valueField, valueType).Description(valueDescription).Resolve(ctx => ctx.Source.Value);
        payload.Field("errors", new ListGraphType(new NonNullGraphType(errors)))
            .Description("Expected refusals; when present, nothing changed. Null on success.")
            .Resolve(ctx => ctx.Source.Errors);
        return payload;
    }

    /// <summary>
    /// Runs a mutation body: a domain refusal whose code the payload union lists becomes a payload
    /// error; NOT_FOUND stays a GraphQL error (not found and not yours look alike); anything else is
    /// a GraphQL error with its code.
    /// </summary>
    public static async Task<MutationPayload> Run(UnionGraphType union, Func<Task<object>> body)
    {
        try
        {
            return MutationPayload.Success(await body());
        }
        catch (DomainException ex) when (ex.Error.Code == ErrorCodes.NotFound)
        {
            throw ApiErrors.NotFound();
        }
        catch (DomainException ex) when (union.PossibleTypes.Any(t => t is DomainErrorType d && d.Code == ex.Error.Code))
        {
            return MutationPayload.Failure(ex.Error);
        }
        catch (DomainException ex)
        {
            throw ApiErrors.From(ex.Error);
        }
    }
}
