namespace Helpdesk.Blazor.Components.Shared;

/// <summary>One option of a <see cref="PlainSelect"/>: the value it sends and the text it shows.</summary>
public sealed record PlainOption(string Value, string Text);
