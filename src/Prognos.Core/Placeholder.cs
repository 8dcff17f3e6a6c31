namespace Prognos; internal static class Placeholder {}
