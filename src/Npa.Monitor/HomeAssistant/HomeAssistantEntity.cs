using System.Text.Json.Nodes;
using Npa.Shared.Messages;

namespace Npa.Monitor.HomeAssistant;

/// <summary>One entity kind: its key (last part of the object and unique ids), its Home Assistant component, and its own config fields.</summary>
internal sealed record HomeAssistantEntity(string Key, string Component, Func<MqttTopics, string, JsonObject> Describe);
