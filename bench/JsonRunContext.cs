using System.Text.Json.Serialization;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Events;

namespace Actors.Bench;

/// <summary>Source-generated metadata for the payloads <see cref="JsonRun"/> compares (the lever, measured in the bench only).</summary>
[JsonSerializable(typeof(RequestStatusChanged))]
[JsonSerializable(typeof(CitizenRequestView))]
[JsonSerializable(typeof(CitizenRequestState))]
internal sealed partial class JsonRunContext : JsonSerializerContext;
