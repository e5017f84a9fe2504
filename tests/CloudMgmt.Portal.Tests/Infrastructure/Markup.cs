using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace CloudMgmt.Portal.Tests.Infrastructure;

/// <summary>What a person does to a rendered page.</summary>
public static class Markup
{
    /// <summary>Types <paramref name="text"/> into the MudBlazor field <paramref name="id"/> (on its input or its wrapper) and leaves it.</summary>
    public static void Type<TPage>(this IRenderedComponent<TPage> page, string id, string text) where TPage : IComponent
    {
        var element = page.Find("#" + id);
        (element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input,textarea")!).Change(text);
    }
}
