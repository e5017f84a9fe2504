namespace CloudMgmt.Portal.Localization;

/// <summary>
/// The language of one browser tab's session with the console (a scoped service: one per circuit).
/// It starts as negotiated on the page request and changes when the user switches; the layout
/// listens and cascades the new <see cref="Texts"/> to every component.
/// </summary>
public sealed class ConsoleLanguage
{
    public Texts Texts { get; private set; } = Texts.For(Language.English);

    public Language Current => Texts.Language;

    public event Action? Changed;

    public void Set(Language language)
    {
        if (language == Current)
        {
            return;
        }

        Texts = Texts.For(language);
        Changed?.Invoke();
    }
}
