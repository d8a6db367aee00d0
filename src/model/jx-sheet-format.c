/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jx-sheet-read.h"

/* A number as the spreadsheet shows it under its number format: what the
 * clerk saw is what is imported. Only the parts of the format language
 * that change the digits are followed (decimals, percent, thousands,
 * literal text, dates); colours, widths and conditions are not. */

int
jx_sheet_column_index (const char *letters)
{
  int index = 0;
  int n = 0;

  for (const char *p = letters; g_ascii_isalpha (*p); p++, n++)
    {
      if (n >= 3)
        return -1;
      index = index * 26 + (g_ascii_toupper (*p) - 'A' + 1);
    }
  return n == 0 ? -1 : index - 1;
}

char *
jx_sheet_column_name (guint column)
{
  char name[8];
  int i = G_N_ELEMENTS (name) - 1;

  name[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      name[--i] = (char) ('A' + (column - 1) % 26);
      column = (column - 1) / 26;
    }
  return g_strdup (name + i);
}

/* The 15 significant digits Excel keeps, as a decimal string rounded to
 * decimals places, half away from zero: 2.675 under "0.00" is 2.68 as in
 * Excel, not the 2.67 of the nearest double. */
static char *
round_decimal (double number, int decimals)
{
  char buffer[64];
  g_autofree char *digits = NULL;
  char *point, *end;
  int keep;
  gboolean up;

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", fabs (number));
  if (strchr (buffer, 'e') != NULL)
    {
      /* Beyond 15 digits before the point, or tiny: no decimals to round. */
      g_snprintf (buffer, sizeof buffer, "%.*f", decimals, fabs (number));
      return g_strdup (buffer);
    }
  digits = g_strconcat ("0", buffer, strchr (buffer, '.') ? "" : ".", "0000000000000000000", NULL);
  point = strchr (digits, '.');
  keep = (int) (point - digits) + (decimals > 0 ? decimals + 1 : 0);
  up = point[decimals + 1] >= '5';
  digits[keep] = '\0';
  for (end = digits + keep - 1; up && end >= digits; end--)
    {
      if (*end == '.')
        continue;
      if (*end == '9')
        *end = '0';
      else
        {
          (*end)++;
          up = FALSE;
        }
    }
  end = digits;
  while (end[0] == '0' && end[1] != '.' && end[1] != '\0')
    end++;
  return g_strdup (end);
}

static char *
group_thousands (const char *digits)
{
  const char *point = strchr (digits, '.');
  gsize whole = point != NULL ? (gsize) (point - digits) : strlen (digits);
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < whole; i++)
    {
      if (i > 0 && (whole - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    g_string_append (out, point);
  return g_string_free (out, FALSE);
}

static char *
format_general (double number)
{
  char buffer[64];
  char *e;

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", number);
  if ((e = strchr (buffer, 'e')) != NULL)
    *e = 'E';
  return g_strdup (buffer);
}

/* One section of a format, read into what changes the digits. */
typedef struct
{
  GString *prefix;      /* literal text before the digits */
  GString *suffix;      /* after them, with the % signs in place */
  int      fixed;       /* 0 placeholders after the point */
  int      optional;    /* # or ? placeholders after the point */
  int      percent;     /* number of % */
  gboolean thousands;
  gboolean date;
  gboolean time;
  gboolean digits_seen;
  gboolean scientific;  /* E+ or E- after the digits */
} Section;

static void
read_literal (Section *s, const char **p)
{
  GString *target = s->digits_seen ? s->suffix : s->prefix;

  if (**p == '"')
    {
      for ((*p)++; **p && **p != '"'; (*p)++)
        g_string_append_c (target, **p);
      if (**p == '"')
        (*p)++;
      return;
    }
  /* \x shows x; _x leaves the width of x; *x fills with x: skip both. */
  if (**p == '\\' && (*p)[1])
    g_string_append_unichar (target, g_utf8_get_char (*p + 1));
  *p = g_utf8_next_char (*p + 1);
}

static void
read_section (Section *s, const char *code)
{
  gboolean after_point = FALSE;

  for (const char *p = code; *p;)
    {
      char c = g_ascii_tolower (*p);

      if (*p == '"' || *p == '\\' || *p == '_' || *p == '*')
        read_literal (s, &p);
      else if (*p == '[')
        {
          const char *close = strchr (p, ']');

          /* [h], [mm]: elapsed time; [Red], [$-804]: no digits. */
          s->time |= close != NULL && strchr ("hms", g_ascii_tolower (p[1])) != NULL;
          p = close != NULL ? close + 1 : p + strlen (p);
        }
      else if (!s->digits_seen && (c == 'y' || c == 'd' || c == 'e' || c == 'm'))
        {
          s->date = TRUE;
          p++;
        }
      else if (c == 'h' || c == 's')
        {
          s->time = TRUE;
          p++;
        }
      else if (*p == '0' || *p == '#' || *p == '?')
        {
          s->digits_seen = TRUE;
          if (after_point)
            *p == '0' ? s->fixed++ : s->optional++;
          p++;
        }
      else if (*p == '.' && s->digits_seen)
        {
          after_point = TRUE;
          p++;
        }
      else if (*p == ',' && s->digits_seen && !after_point)
        {
          s->thousands = TRUE;
          p++;
        }
      else if ((*p == 'E' || *p == 'e') && s->digits_seen && (p[1] == '+' || p[1] == '-'))
        {
          s->scientific = TRUE;
          p += 2;
          while (*p == '0' || *p == '#')
            p++;
        }
      else if (*p == '%')
        {
          s->percent++;
          g_string_append_c (s->digits_seen ? s->suffix : s->prefix, '%');
          p++;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          if (!g_ascii_isalpha (*p) || (guchar) *p >= 0x80)
            g_string_append_len (s->digits_seen ? s->suffix : s->prefix, p, next - p);
          p = next;
        }
    }
}

/* The length of a run of the letter at p, any case: "yyyy" is 4. */
static guint
run_length (const char *p)
{
  guint n = 0;

  while (p[n] != '\0' && g_ascii_tolower (p[n]) == g_ascii_tolower (p[0]))
    n++;
  return n;
}

/* Whether the m at p is minutes: after an hour or before seconds, as
 * Excel tells the two apart (literals between do not count). */
static gboolean
is_minutes (const char *code, const char *p, gboolean after_hour)
{
  if (after_hour)
    return TRUE;
  for (const char *q = p + run_length (p); *q; q++)
    {
      char c = g_ascii_tolower (*q);

      if (c == 's')
        return TRUE;
      if (c == 'y' || c == 'm' || c == 'd' || c == 'h')
        return FALSE;
    }
  return FALSE;
}

/* The date as its format code spells it: each of y, m, d, h, m(inutes)
 * and s where the code has it, in its width, and the code's literal text
 * between, so that "yyyy\"年\"m\"月\"" shows "2024年12月" and never the day
 * the cell does not show. */
static char *
spell_date (GDateTime *when, const char *code)
{
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                  "Sep", "Oct", "Nov", "Dec" };
  GString *out = g_string_new (NULL);
  gboolean after_hour = FALSE;
  gboolean twelve = strstr (code, "AM/PM") != NULL || strstr (code, "上午/下午") != NULL;

  for (const char *p = code; *p;)
    {
      char c = g_ascii_tolower (*p);
      guint n = run_length (p);

      if (*p == '"')
        {
          for (p++; *p && *p != '"'; p++)
            g_string_append_c (out, *p);
          if (*p)
            p++;
          continue;
        }
      if (*p == '\\' && p[1])
        {
          p++;
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          p = g_utf8_next_char (p);
          continue;
        }
      if ((*p == '_' || *p == '*') && p[1])
        {
          p = g_utf8_next_char (p + 1);
          continue;
        }
      if (*p == '[')
        {
          const char *close = strchr (p, ']');

          p = close != NULL ? close + 1 : p + strlen (p);
          continue;
        }
      if (g_str_has_prefix (p, "AM/PM") || g_str_has_prefix (p, "上午/下午"))
        {
          gboolean am = g_date_time_get_hour (when) < 12;

          g_string_append (out, *p == 'A' ? (am ? "AM" : "PM") : (am ? "上午" : "下午"));
          p += *p == 'A' ? strlen ("AM/PM") : strlen ("上午/下午");
          continue;
        }
      if (c == 'y' || c == 'e')
        g_string_append_printf (out, n <= 2 && c == 'y' ? "%02d" : "%d",
                                n <= 2 && c == 'y' ? g_date_time_get_year (when) % 100
                                                   : g_date_time_get_year (when));
      else if (c == 'm' && is_minutes (code, p, after_hour))
        g_string_append_printf (out, n >= 2 ? "%02d" : "%d", g_date_time_get_minute (when));
      else if (c == 'm' && n >= 3)
        g_string_append (out, months[g_date_time_get_month (when) - 1]);
      else if (c == 'm')
        g_string_append_printf (out, n >= 2 ? "%02d" : "%d", g_date_time_get_month (when));
      else if (c == 'd' && n >= 3)
        {
          g_autofree char *day = g_date_time_format (when, n >= 4 ? "%A" : "%a");

          g_string_append (out, day);
        }
      else if (c == 'd')
        g_string_append_printf (out, n >= 2 ? "%02d" : "%d", g_date_time_get_day_of_month (when));
      else if (c == 'h')
        {
          int hour = g_date_time_get_hour (when);

          if (twelve)
            hour = hour % 12 == 0 ? 12 : hour % 12;
          g_string_append_printf (out, n >= 2 ? "%02d" : "%d", hour);
        }
      else if (c == 's')
        g_string_append_printf (out, n >= 2 ? "%02d" : "%d", g_date_time_get_second (when));
      else if (c == '.' && p[1] == '0')
        n = 1 + run_length (p + 1);
      else if (!g_ascii_isalpha (*p))
        {
          n = g_utf8_next_char (p) - p;
          g_string_append_len (out, p, n);
        }
      after_hour = c == 'h' || (after_hour && !g_ascii_isalpha (*p));
      p += n;
    }
  return g_string_free (out, FALSE);
}

/* Serial days since 1899-12-30, the day Excel's dates count from (its
 * phantom 1900-02-29 is serial 60). */
static char *
format_date (double number, const char *code)
{
  g_autoptr(GDateTime) base = g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
  g_autoptr(GDateTime) when = NULL;
  double days = floor (number);

  /* A time alone is a fraction of a day. */
  if (number < 0 || number > 2958465)   /* 9999-12-31 */
    return format_general (number);
  if (days < 61)
    days += 1;
  when = g_date_time_add_seconds (base, days * 86400 + round ((number - floor (number)) * 86400));
  if (when == NULL)
    return format_general (number);
  return spell_date (when, code);
}

static char *
format_section (double number, const Section *s, const char *code)
{
  g_autofree char *digits = NULL;
  g_autofree char *grouped = NULL;
  double scaled = number;
  int decimals = s->fixed + s->optional;

  if (s->date || (s->time && !s->digits_seen))
    return format_date (number, code);
  if (!s->digits_seen)
    return format_general (number);
  if (s->scientific)
    {
      char buffer[64];

      g_snprintf (buffer, sizeof buffer, "%.*E", decimals, number);
      return g_strconcat (s->prefix->str, buffer, s->suffix->str, NULL);
    }
  for (int i = 0; i < s->percent; i++)
    scaled *= 100;
  digits = round_decimal (scaled, decimals);
  /* Optional places show only the digits that are not trailing zeros. */
  if (s->optional > 0 && strchr (digits, '.') != NULL)
    {
      char *end = digits + strlen (digits) - 1;
      int trimmed = 0;

      while (trimmed < s->optional && *end == '0')
        {
          *end-- = '\0';
          trimmed++;
        }
      if (*end == '.')
        *end = '\0';
    }
  grouped = s->thousands ? group_thousands (digits) : g_strdup (digits);
  return g_strconcat (s->prefix->str, scaled < 0 && g_ascii_strtod (digits, NULL) != 0 ? "-" : "",
                      grouped,
                      s->suffix->str, NULL);
}

/* The format's sections are split on ; outside quotes: positive;
 * negative;zero;text. */
static char *
pick_section (const char *code, double number)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_free);
  const char *start = code;
  gboolean quoted = FALSE;

  for (const char *p = code;; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '\\' && p[1])
        p++;
      else if ((*p == ';' && !quoted) || *p == '\0')
        {
          g_ptr_array_add (sections, g_strndup (start, p - start));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  if (number < 0 && sections->len >= 2)
    return g_strdup (g_ptr_array_index (sections, 1));
  if (number == 0 && sections->len >= 3)
    return g_strdup (g_ptr_array_index (sections, 2));
  return g_strdup (g_ptr_array_index (sections, 0));
}

char *
jx_sheet_format_number (double      number,
                        const char *format_code)
{
  g_autofree char *code = NULL;
  Section s = { 0 };
  char *shown;
  gboolean negative_section;

  if (!isfinite (number))
    return g_strdup ("#NUM!");
  if (format_code == NULL || format_code[0] == '\0' ||
      g_ascii_strcasecmp (format_code, "General") == 0 || g_str_equal (format_code, "@"))
    return format_general (number);
  code = pick_section (format_code, number);
  negative_section = number < 0 && strchr (format_code, ';') != NULL;
  s.prefix = g_string_new (NULL);
  s.suffix = g_string_new (NULL);
  read_section (&s, code);
  if (g_ascii_strcasecmp (code, "General") == 0)
    shown = format_general (number);
  else
    shown = format_section (negative_section ? fabs (number) : number, &s, code);
  g_string_free (s.prefix, TRUE);
  g_string_free (s.suffix, TRUE);
  return shown;
}
