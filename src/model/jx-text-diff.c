/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-text-diff.h"

/* Beyond this many cells the middle of two texts is not aligned word by
 * word but marked as a whole: a table this size is 8 MB, far more than two
 * rewritten paragraphs of a real document need. */
#define MAX_CELLS (4 * 1024 * 1024)

typedef struct
{
  gsize start;
  gsize end;
} Token;

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  while (*p)
    {
      Token token = { p - text, 0 };

      if (is_word_char (*p))
        {
          /* "95.5" is one word: a point between digits stays inside it. */
          while (is_word_char (*p) || (*p == '.' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[-1])))
            p++;
        }
      else
        p = g_utf8_next_char (p);
      token.end = p - text;
      g_array_append_val (tokens, token);
    }
  return tokens;
}

static gboolean
same_token (const char *a, const Token *x, const char *b, const Token *y)
{
  return x->end - x->start == y->end - y->start &&
         memcmp (a + x->start, b + y->start, x->end - x->start) == 0;
}

/* One step of the alignment: a token of both, or of one text only. */
typedef enum { OP_SAME, OP_OLD, OP_NEW } Op;

/* Longest common subsequence of the middle parts, as a list of steps. */
static void
align_middle (const char *a, const Token *x, guint n,
              const char *b, const Token *y, guint m,
              GArray     *ops)
{
  g_autofree guint16 *lengths = NULL;
  guint i = 0, j = 0;

  if ((guint64) (n + 1) * (m + 1) > MAX_CELLS)
    {
      for (guint k = 0; k < n; k++)
        g_array_append_vals (ops, (guint8[]) { OP_OLD }, 1);
      for (guint k = 0; k < m; k++)
        g_array_append_vals (ops, (guint8[]) { OP_NEW }, 1);
      return;
    }
  lengths = g_new0 (guint16, (gsize) (n + 1) * (m + 1));
#define L(r, c) lengths[(gsize) (r) * (m + 1) + (c)]
  for (guint r = n; r-- > 0;)
    for (guint c = m; c-- > 0;)
      L (r, c) = same_token (a, &x[r], b, &y[c]) ? L (r + 1, c + 1) + 1
                                                 : MAX (L (r + 1, c), L (r, c + 1));
  while (i < n || j < m)
    {
      guint8 op;

      if (i < n && j < m && same_token (a, &x[i], b, &y[j]))
        op = OP_SAME, i++, j++;
      else if (j < m && (i == n || L (i, j + 1) >= L (i + 1, j)))
        op = OP_NEW, j++;
      else
        op = OP_OLD, i++;
      g_array_append_val (ops, op);
    }
#undef L
}

/* A single common token between two changes becomes part of both. */
static void
absorb_lone_tokens (GArray *ops)
{
  for (guint k = 1; k + 1 < ops->len; k++)
    {
      gboolean changed_before = ((guint8 *) ops->data)[k - 1] != OP_SAME;
      gboolean changed_after = ((guint8 *) ops->data)[k + 1] != OP_SAME;

      if (((guint8 *) ops->data)[k] != OP_SAME || !changed_before || !changed_after)
        continue;
      /* Replace the step by an old and a new one: the arrays grow by one. */
      ((guint8 *) ops->data)[k] = OP_OLD;
      g_array_insert_vals (ops, k + 1, (guint8[]) { OP_NEW }, 1);
      k++;
    }
}

static void
add_mark (GArray *marks, gsize start, gsize end)
{
  if (marks->len > 0 && g_array_index (marks, JxTextSpan, marks->len - 1).end == start)
    g_array_index (marks, JxTextSpan, marks->len - 1).end = end;
  else
    g_array_append_val (marks, ((JxTextSpan) { start, end }));
}

void
jx_text_diff_marks (const char  *old_text,
                    const char  *new_text,
                    GArray     **old_marks,
                    GArray     **new_marks)
{
  g_autoptr(GArray) x = NULL;
  g_autoptr(GArray) y = NULL;
  g_autoptr(GArray) ops = g_array_new (FALSE, FALSE, sizeof (guint8));
  guint head = 0, tail = 0, i, j;

  g_return_if_fail (old_text != NULL && new_text != NULL);
  g_return_if_fail (old_marks != NULL && new_marks != NULL);

  *old_marks = g_array_new (FALSE, FALSE, sizeof (JxTextSpan));
  *new_marks = g_array_new (FALSE, FALSE, sizeof (JxTextSpan));
  x = tokenize (old_text);
  y = tokenize (new_text);
  /* Edits are local: only the part between the common ends is aligned. */
  while (head < x->len && head < y->len &&
         same_token (old_text, &g_array_index (x, Token, head),
                     new_text, &g_array_index (y, Token, head)))
    head++;
  while (tail < x->len - head && tail < y->len - head &&
         same_token (old_text, &g_array_index (x, Token, x->len - 1 - tail),
                     new_text, &g_array_index (y, Token, y->len - 1 - tail)))
    tail++;
  align_middle (old_text, &g_array_index (x, Token, head), x->len - head - tail,
                new_text, &g_array_index (y, Token, head), y->len - head - tail, ops);
  absorb_lone_tokens (ops);

  i = head;
  j = head;
  for (guint k = 0; k < ops->len; k++)
    switch (((guint8 *) ops->data)[k])
      {
      case OP_SAME:
        i++, j++;
        break;
      case OP_OLD:
        add_mark (*old_marks, g_array_index (x, Token, i).start, g_array_index (x, Token, i).end);
        i++;
        break;
      default:
        add_mark (*new_marks, g_array_index (y, Token, j).start, g_array_index (y, Token, j).end);
        j++;
      }
}

static gsize
move_chars (const char *text, gsize offset, int chars)
{
  const char *p = text + offset;

  for (; chars > 0 && *p; chars--)
    p = g_utf8_next_char (p);
  for (; chars < 0 && p > text; chars++)
    p = g_utf8_prev_char (p);
  return p - text;
}

GArray *
jx_text_excerpts (const char       *text,
                  const JxTextSpan *marks,
                  guint             n_marks,
                  guint             limit,
                  guint             context)
{
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (JxTextSpan));

  g_return_val_if_fail (text != NULL, parts);

  if (n_marks == 0 || g_utf8_strlen (text, -1) <= (glong) limit)
    {
      g_array_append_val (parts, ((JxTextSpan) { 0, strlen (text) }));
      return parts;
    }
  for (guint i = 0; i < n_marks; i++)
    {
      JxTextSpan part = { move_chars (text, marks[i].start, -(int) context),
                          move_chars (text, marks[i].end, (int) context) };

      if (parts->len > 0 && g_array_index (parts, JxTextSpan, parts->len - 1).end >= part.start)
        g_array_index (parts, JxTextSpan, parts->len - 1).end = part.end;
      else
        g_array_append_val (parts, part);
    }
  return parts;
}

glong
jx_text_char_offset (const char *text,
                     gsize       byte_offset)
{
  g_return_val_if_fail (text != NULL, 0);
  return g_utf8_strlen (text, byte_offset);
}
