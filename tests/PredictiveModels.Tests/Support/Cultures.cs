using System.Globalization;

namespace PredictiveModels.Tests;

/// <summary>Runs test code under a given culture, as a host application with globalization on would.</summary>
internal static class Cultures
{
    /// <summary>Runs <paramref name="action"/> with the current culture and UI culture set to <paramref name="culture"/>, then restores both.</summary>
    public static T Under<T>(CultureInfo culture, Func<T> action)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        try
        {
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
