using Actors.Api.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Transport;

/// <summary>
/// A small schema with a query, a mutation and subscriptions, so that the transports are tested
/// without the domain (no silo, no grains).
/// </summary>
public sealed class TransportTestSchema : Schema
{
    public static readonly TestGovernorate[] Governorates =
    [
        new("TUNIS", "Tunis", "تونس"),
        new("ARIANA", "Ariana", "أريانة"),
    ];

    public TransportTestSchema(IServiceProvider services)
        : base(services)
    {
        var governorate = new ObjectGraphType<TestGovernorate> { Name = "Governorate" };
        governorate.Field<NonNullGraphType<StringGraphType>>("code").Resolve(context => context.Source.Code);
        governorate.Field<NonNullGraphType<StringGraphType>>("nameFr").Resolve(context => context.Source.NameFr);
        governorate.Field<NonNullGraphType<StringGraphType>>("nameAr").Resolve(context => context.Source.NameAr);

        var nest = new ObjectGraphType { Name = "Nest" };
        nest.Field<IntGraphType>("level").Resolve(_ => 1);
        nest.Field("nest", nest).Resolve(_ => new object());

        var query = new ObjectGraphType { Name = "Query" };
        query.Field<NonNullGraphType<StringGraphType>>("hello").Resolve(_ => "world");
        query.Field<StringGraphType>("whoami").Resolve(context => UserContext(context).Actor?.Subject);
        query.Field<NonNullGraphType<StringGraphType>>("language").Resolve(context => UserContext(context).Language);
        query.Field("governorates", new NonNullGraphType(new ListGraphType(new NonNullGraphType(governorate))))
            .Resolve(_ => Governorates);
        query.Field("nest", nest).Resolve(_ => new object());
        Query = query;

        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<NonNullGraphType<StringGraphType>>("echo")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Resolve(context =>
            {
                context.RequestServices!.GetRequiredService<MutationLog>().Record();
                return context.GetArgument<string>("text");
            });
        Mutation = mutation;

        var subscription = new ObjectGraphType { Name = "Subscription" };
        subscription.Field<NonNullGraphType<IntGraphType>, int>("ticks")
            .Argument<NonNullGraphType<IntGraphType>>("count")
            .ResolveStream(context => new CountingObservable(context.GetArgument<int>("count"), TimeSpan.FromMilliseconds(20)));
        subscription.Field<NonNullGraphType<IntGraphType>, int>("forever")
            .ResolveStream(_ => new CountingObservable(null, TimeSpan.FromMilliseconds(50)));
        Subscription = subscription;
    }

    private static GraphQLUserContext UserContext(IResolveFieldContext context) => (GraphQLUserContext)context.UserContext;
}
