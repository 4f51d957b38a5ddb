using Actors.Contracts.Errors;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.GraphQL.Errors;

/// <summary>
/// A typed payload error for one domain code (e.g. InvalidTransitionError for INVALID_TRANSITION).
/// One instance per code, shared by every mutation union that can return it.
/// </summary>
[DoNotRegister]
public sealed class DomainErrorType : ObjectGraphType<DomainError>
{
    public DomainErrorType(string code, string description)
    {
        Code = code;
        Name = NameFor(code);
        Description = description;
        Interface<ErrorInterface>();
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ErrorParameterType>>>>("parameters")
            .Description("Structured values for wording the message in Arabic or French.")
            .Resolve(ctx => ctx.Source.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ToList());
        IsTypeOf = value => value is DomainError error && error.Code == code;
    }

    public string Code { get; }

    /// <summary>INVALID_TRANSITION → InvalidTransitionError.</summary>
    public static string NameFor(string code) =>
        string.Concat(code.Split('_').Select(w => w[..1] + w[1..].ToLowerInvariant())) + "Error";
}
