/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jx-error.h"
#include "jx-member-path.h"

G_DEFINE_QUARK (jx-document-error-quark, jx_document_error)

/* "LINE:COL: message", as the JSON reader writes it. */
static char *
describe_position (const char *message)
{
  guint64 line, column;
  char *end;

  if (!g_ascii_isdigit (message[0]))
    return NULL;
  line = g_ascii_strtoull (message, &end, 10);
  if (*end != ':' || !g_ascii_isdigit (end[1]))
    return NULL;
  column = g_ascii_strtoull (end + 1, &end, 10);
  if (!g_str_has_prefix (end, ": ") || line > G_MAXUINT || column > G_MAXUINT)
    return NULL;
  /* TRANSLATORS: where a file stops being valid JSON, then what is wrong */
  return g_strdup_printf (_("Line %u, column %u: %s"), (guint) line, (guint) column, end + 2);
}

char *
jx_document_error_describe (const GError *error)
{
  g_autoptr(JxMemberPath) path = NULL;
  g_autofree char *place = NULL;
  const char *rest;
  char *described;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != JX_DOCUMENT_ERROR)
    return g_strdup (error->message);
  if ((described = describe_position (error->message)) != NULL)
    return described;
  path = jx_member_path_parse_prefix (error->message, &rest);
  if (path == NULL || jx_member_path_get_length (path) == 0)
    return g_strdup (error->message);
  place = jx_member_path_describe (path, NULL);
  /* TRANSLATORS: a place in the document, then what is wrong there */
  return g_strdup_printf (_("%s: %s"), place, rest);
}
