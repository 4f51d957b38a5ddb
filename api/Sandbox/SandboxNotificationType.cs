using Actors.Api.GraphQL;
using Actors.Api.Requests;
using Actors.Contracts.Interop.Sandbox;
using GraphQL.Types;

namespace Actors.Api.Sandbox;

public sealed class SandboxNotificationType : ObjectGraphType<SandboxNotification>
{
    public SandboxNotificationType()
    {
        Name = "SandboxNotification";
        Description = "A message the notifications sandbox accepted (Development only): what a citizen or guardian would have received.";
        Field<NonNullGraphType<StringGraphType>>("messageId").Description("Ours: one per request, step, template and channel.").Resolve(ctx => ctx.Source.MessageId);
        Field<NonNullGraphType<NotificationChannelType>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field<NonNullGraphType<StringGraphType>>("recipient").Description("A phone number (+216…) or an e-mail address.").Resolve(ctx => ctx.Source.Recipient);
        Field<NonNullGraphType<StringGraphType>>("template").Resolve(ctx => ctx.Source.Template);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(ctx => ctx.Source.Text);
        Field<NonNullGraphType<StringGraphType>>("language").Resolve(ctx => ctx.Source.Language);
        Field<NonNullGraphType<IdGraphType>>("requestId").Description("The global id of the CitizenRequest the message is about.").Resolve(ctx => CitizenRequestType.Id(ctx.Source.RequestId));
        Field<NonNullGraphType<DateTimeScalar>>("acceptedAt").Resolve(ctx => ctx.Source.AcceptedAt);
        Field<NonNullGraphType<IntGraphType>>("sendCalls")
            .Description("How often our side asked to send this message; a real provider sends each call, so more than 1 is a duplicate.")
            .Resolve(ctx => ctx.Source.SendCalls);
    }
}
