using Actors.Contracts.Requests.Index;

namespace Actors.Api.Requests;

public sealed class RequestOrderInput
{
    public RequestSortField Field { get; set; } = RequestSortField.SubmittedAt;

    public string Direction { get; set; } = "DESC";
}
