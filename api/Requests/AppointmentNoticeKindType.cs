using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class AppointmentNoticeKindType : EnumerationGraphType<AppointmentNoticeKind>
{
    public AppointmentNoticeKindType() => Name = "AppointmentNoticeKind";
}
