/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "jx-document-io.h"
#include "jx-error.h"
#include "jx-file.h"
#include "jx-json-private.h"
#include "jx-stage-private.h"

/* Reads the file's text straight into model objects, with no tree in
 * between: each object is read member by member as the text has them.
 *
 * What is refused, and which refusal is reported, is as if the whole text
 * had been parsed first and then walked in a fixed order: a text that is
 * not UTF-8, then the first syntax error, then the first content error in
 * the order each object checks its members (for the root, "format" and
 * "version" first, so that a file of another kind or of a newer version
 * is named for what it is). So after a content error the reader goes on:
 * members whose check comes later are only checked for syntax, and an
 * earlier one may still replace the error. Every content error names the
 * member path, e.g. "projects[3].indicators[2].value: …". */

typedef struct
{
  const char *name;   /* a member, or NULL for */
  guint index;        /* an element of a list */
} PathFrame;

typedef struct
{
  JxJsonReader json;
  /* The path of the member being read: the document's shape is known,
   * so it is never deeper than this. */
  PathFrame frames[16];
  guint n_frames;
  JxStrPool *texts;    /* every text read, each kept once */
  GHashTable *orders;  /* member order (GBytes) → the GPtrArray of names */
  GPtrArray *no_members;
  GString *key;
} Reader;

/* The member path is kept as a stack of names and indexes, and spelled
 * out only for a refusal. */
static char *
path_text (Reader *r)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < r->n_frames; i++)
    if (r->frames[i].name != NULL)
      {
        if (text->len > 0)
          g_string_append_c (text, '.');
        g_string_append (text, r->frames[i].name);
      }
    else
      g_string_append_printf (text, "[%u]", r->frames[i].index);
  return g_string_free (text, FALSE);
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail (Reader *r, GError **error, JxDocumentError code, const char *format, ...)
{
  g_autofree char *message = NULL;
  g_autofree char *path = path_text (r);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_clear_error (error);
  if (path[0] != '\0')
    g_set_error (error, JX_DOCUMENT_ERROR, code, "%s: %s", path, message);
  else
    g_set_error_literal (error, JX_DOCUMENT_ERROR, code, message);
  return FALSE;
}

static guint
push_member (Reader *r, const char *name)
{
  g_assert (r->n_frames < G_N_ELEMENTS (r->frames));
  r->frames[r->n_frames].name = name;
  return r->n_frames++;
}

static guint
push_index (Reader *r, guint index)
{
  g_assert (r->n_frames < G_N_ELEMENTS (r->frames));
  r->frames[r->n_frames].name = NULL;
  r->frames[r->n_frames].index = index;
  return r->n_frames++;
}

static void
pop (Reader *r, guint mark)
{
  r->n_frames = mark;
}

/* Refuses a value of the wrong kind after passing over it: FALSE, with
 * *error set unless the text itself was refused. */
static gboolean
mismatch (Reader *r, guint depth, const char *expected, GError **error)
{
  const char *found = NULL;

  if (!jx_json_skip (&r->json, depth, &found))
    return FALSE;
  return fail (r, error, JX_DOCUMENT_ERROR_CONTENT, _("expected %s, found %s"), _(expected), found);
}

/* Objects */

/* No text member has to be filled in: a draft is a valid file, and the
 * review checks report what is still empty. */
typedef enum { OPTIONAL, REQUIRED } Need;

/* A member an object knows, listed in the order the object checks them. */
typedef struct
{
  const char *name;
  gsize length;
  Need need;
  const char *expected;   /* untranslated: only a refusal needs it */
} Member;

#define MEMBER(name, need, expected) { name, sizeof name - 1, need, expected }

#define MAX_KNOWN 16

typedef struct _ObjectRead ObjectRead;

/* Reads the value of known member `index`; returns FALSE with *error set
 * for a content error, or FALSE alone when the text was refused. The
 * value is always read to its end. */
typedef gboolean (*ReadMember) (Reader *r, ObjectRead *o, guint index, GError **error);
/* The checks that come after member `index` and need the members before
 * it (e.g. that a project's code is new); same returns. */
typedef gboolean (*CheckAfter) (Reader *r, ObjectRead *o, guint index, GError **error);

struct _ObjectRead
{
  const Member *members;
  guint n_members;
  ReadMember read_member;
  CheckAfter check_after;     /* may be NULL */
  gpointer target;            /* what the callbacks fill */
  guint depth;                /* of this object */

  guint32 seen;               /* known members present */
  guint hint;                 /* where to look for the next name */
  /* The first step that failed, in check order: member i is step 2i, the
   * checks after it step 2i + 1. */
  guint failed_step;
  GError *error;

  /* Names in the file's order: the known ones are the table's strings. */
  const char *names_here[MAX_KNOWN + 8];
  guint8 known_here[MAX_KNOWN + 8];
  GPtrArray *names;           /* when there are more */
  guint n_names;
  GPtrArray *unknown_names;   /* owned copies */
  GHashTable *unknown_set;    /* for many of them */
  JsonObject *unknown;
};

#define NO_FAILURE G_MAXUINT

static void
object_read_clear (ObjectRead *o)
{
  g_clear_error (&o->error);
  g_clear_pointer (&o->names, g_ptr_array_unref);
  g_clear_pointer (&o->unknown_names, g_ptr_array_unref);
  g_clear_pointer (&o->unknown_set, g_hash_table_unref);
  g_clear_pointer (&o->unknown, json_object_unref);
}

static void
record_failure (ObjectRead *o, guint step, GError *error)
{
  g_clear_error (&o->error);
  o->error = error;
  o->failed_step = step;
}

/* known: the member's index + 1, or 0 for an unknown name. */
static void
add_name (ObjectRead *o, const char *name, guint known)
{
  if (o->names == NULL && o->n_names < G_N_ELEMENTS (o->names_here))
    {
      o->known_here[o->n_names] = (guint8) known;
      o->names_here[o->n_names++] = name;
      return;
    }
  if (o->names == NULL)
    {
      o->names = g_ptr_array_new ();
      for (guint i = 0; i < o->n_names; i++)
        g_ptr_array_add (o->names, (gpointer) o->names_here[i]);
    }
  g_ptr_array_add (o->names, (gpointer) name);
  o->n_names++;
}

static const char *
name_at (ObjectRead *o, guint i)
{
  return o->names != NULL ? g_ptr_array_index (o->names, i) : o->names_here[i];
}

/* Files mostly have the members in the order of the table: the search
 * starts after the last one found. */
static int
find_known (ObjectRead *o, const char *name, gsize length)
{
  for (guint n = 0, i = o->hint; n < o->n_members; n++, i = i + 1 < o->n_members ? i + 1 : 0)
    if (o->members[i].length == length && memcmp (o->members[i].name, name, length) == 0)
      {
        o->hint = i + 1 < o->n_members ? i + 1 : 0;
        return (int) i;
      }
  return -1;
}

/* Registers an unknown member's name; FALSE when the object has it already. */
static gboolean
add_unknown_name (ObjectRead *o, char *name)
{
  if (o->unknown_names == NULL)
    o->unknown_names = g_ptr_array_new_with_free_func (g_free);
  if (o->unknown_set != NULL)
    {
      if (g_hash_table_contains (o->unknown_set, name))
        return FALSE;
    }
  else
    for (guint i = 0; i < o->unknown_names->len; i++)
      if (strcmp (g_ptr_array_index (o->unknown_names, i), name) == 0)
        return FALSE;
  g_ptr_array_add (o->unknown_names, name);
  if (o->unknown_set == NULL && o->unknown_names->len > 16)
    {
      o->unknown_set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < o->unknown_names->len; i++)
        g_hash_table_add (o->unknown_set, g_ptr_array_index (o->unknown_names, i));
    }
  else if (o->unknown_set != NULL)
    g_hash_table_add (o->unknown_set, name);
  return TRUE;
}

/* Reads the object at the reader (its "{" not yet read) member by member.
 * FALSE when the text was refused; content errors are in o. */
static gboolean
read_members (Reader *r, ObjectRead *o)
{
  gboolean first = TRUE;
  const char *name;
  gsize length;
  guint64 name_offset;

  o->failed_step = NO_FAILURE;
  if (!jx_json_enter (&r->json, o->depth))
    return FALSE;

  while (jx_json_object_next (&r->json, &first, &name, &length, &name_offset))
    {
      int k = find_known (o, name, length);

      if (k >= 0)
        {
          if (o->seen & (1u << k))
            goto twice;
          o->seen |= 1u << k;
          add_name (o, o->members[k].name, (guint) k + 1);
          if (!jx_json_colon (&r->json))
            return FALSE;
          if ((guint) (2 * k) < o->failed_step)
            {
              GError *error = NULL;
              guint mark = push_member (r, o->members[k].name);
              gboolean ok = o->read_member (r, o, (guint) k, &error);

              pop (r, mark);
              if (!ok && r->json.failed)
                {
                  g_clear_error (&error);
                  return FALSE;
                }
              if (!ok)
                record_failure (o, 2 * (guint) k, error);
            }
          else if (!jx_json_skip (&r->json, o->depth, NULL))
            return FALSE;
        }
      else
        {
          char *copy = g_strndup (name, length);

          if (!add_unknown_name (o, copy))
            {
              g_free (copy);
              goto twice;
            }
          add_name (o, copy, 0);
          if (!jx_json_colon (&r->json))
            return FALSE;
          if (o->failed_step == NO_FAILURE)
            {
              JsonNode *node = jx_json_read_node (&r->json, o->depth);

              if (node == NULL)
                return FALSE;
              if (o->unknown == NULL)
                o->unknown = json_object_new ();
              json_object_set_member (o->unknown, copy, node);
            }
          else if (!jx_json_skip (&r->json, o->depth, NULL))
            return FALSE;
        }
    }
  if (r->json.failed)
    return FALSE;

  /* What is missing, and the checks between members, in their order. */
  for (guint step = 0; step < o->failed_step && step < 2 * o->n_members; step++)
    {
      guint k = step / 2;
      GError *error = NULL;

      if (step % 2 == 0)
        {
          if (o->members[k].need != OPTIONAL && !(o->seen & (1u << k)))
            {
              guint mark = push_member (r, o->members[k].name);

              fail (r, &error, JX_DOCUMENT_ERROR_CONTENT, _("this member is missing; expected %s"),
                    _(o->members[k].expected));
              pop (r, mark);
              record_failure (o, step, error);
            }
        }
      else if (o->check_after != NULL && !o->check_after (r, o, k, &error))
        record_failure (o, step, error);
    }
  return TRUE;

twice:
  {
    g_autofree char *shown = g_strndup (name, length);

    jx_json_fail_at (&r->json, name_offset, JX_DOCUMENT_ERROR_SYNTAX,
                     _("the member “%s” appears twice in one object"), shown);
    return FALSE;
  }
}

/* Gives the object's member order and unknown members to extras. Orders
 * repeat from object to object: each distinct one is kept once. */
static void
take_extras (Reader *r, ObjectRead *o, JxExtras *extras)
{
  g_autoptr(GBytes) key = NULL;
  GPtrArray *order;

  jx_extras_clear (extras);
  extras->unknown = g_steal_pointer (&o->unknown);
  if (o->n_names == 0)
    {
      extras->order = g_ptr_array_ref (r->no_members);
      return;
    }

  /* The key: which table, then each known member's number or an unknown
   * member's name after a byte no UTF-8 text has. */
  g_string_truncate (r->key, 0);
  g_string_append_len (r->key, (const char *) &o->members, sizeof o->members);
  for (guint i = 0; i < o->n_names; i++)
    {
      guint known = o->names == NULL ? o->known_here[i] : 0;

      if (known > 0)
        g_string_append_c (r->key, (char) known);
      else
        {
          g_string_append_c (r->key, (char) 0xFF);
          g_string_append_len (r->key, name_at (o, i), strlen (name_at (o, i)) + 1);
        }
    }
  key = g_bytes_new_static (r->key->str, r->key->len);
  order = g_hash_table_lookup (r->orders, key);
  if (order == NULL)
    {
      order = g_ptr_array_new_full (o->n_names, g_free);
      for (guint i = 0; i < o->n_names; i++)
        g_ptr_array_add (order, g_strdup (name_at (o, i)));
      g_hash_table_insert (r->orders, g_bytes_new (r->key->str, r->key->len), order);
    }
  extras->order = g_ptr_array_ref (order);
}

/* Reads an object member; FALSE with *error for a value that is not an
 * object (expected says what it should be). */
static gboolean
read_object (Reader *r, ObjectRead *o, guint container_depth, const char *expected, GError **error)
{
  if (jx_json_peek (&r->json) != JX_JSON_OBJECT)
    return mismatch (r, container_depth, expected, error);
  o->depth = container_depth + 1;
  if (!read_members (r, o))
    return FALSE;
  if (o->failed_step != NO_FAILURE)
    {
      g_propagate_error (error, g_steal_pointer (&o->error));
      return FALSE;
    }
  return TRUE;
}

/* Values */

static gboolean
read_text (Reader *r, guint depth, char **out, GError **error)
{
  const char *text;
  gsize length;

  if (jx_json_peek (&r->json) != JX_JSON_STRING)
    return mismatch (r, depth, N_("a text"), error);
  if (!jx_json_read_string (&r->json, &text, &length))
    return FALSE;
  jx_str_take (out, jx_str_pool_get (r->texts, text, length));
  return TRUE;
}

static gboolean
read_number (Reader *r, guint depth, const char *expected, JxJsonNumber *number, GError **error)
{
  if (jx_json_peek (&r->json) != JX_JSON_NUMBER)
    return mismatch (r, depth, expected, error);
  return jx_json_read_number (&r->json, number);
}

static gboolean
read_int (Reader *r, guint depth, gint64 min, gint64 max, gint64 *out, GError **error)
{
  JxJsonNumber number;
  gint64 v;

  if (!read_number (r, depth, N_("a whole number"), &number, error))
    return FALSE;
  if (number.is_integer)
    v = number.integer;
  else
    {
      /* 2024.0 is a whole number too (JSON Schema agrees). */
      double d = number.number;

      if (d != floor (d) || d < -9e15 || d > 9e15)
        return fail (r, error, JX_DOCUMENT_ERROR_CONTENT, _("expected a whole number, found %s"),
                     _("a number with decimals"));
      v = (gint64) d;
    }
  if (v >= min && v <= max)
    {
      *out = v;
      return TRUE;
    }
  return fail (r, error, JX_DOCUMENT_ERROR_CONTENT, _("must be from %lld to %lld, found %lld"),
               (long long) min, (long long) max, (long long) v);
}

static gboolean
read_amount (Reader *r, guint depth, JxMoney *out, GError **error)
{
  JxJsonNumber number;
  double v;

  if (!read_number (r, depth, N_("an amount (a number)"), &number, error))
    return FALSE;
  if (number.is_integer)
    {
      gint64 i = number.integer;
      v = (i >= 0 && i <= JX_MONEY_MAX / JX_MONEY_SCALE) ? (double) i : (i < 0 ? -1.0 : 1e300);
    }
  else
    v = number.number;

  if (jx_money_from_double (v, out))
    return TRUE;
  if (v < 0)
    return fail (r, error, JX_DOCUMENT_ERROR_CONTENT, _("an amount must be 0 or more"));
  if (v >= 1e9)
    return fail (r, error, JX_DOCUMENT_ERROR_CONTENT, _("an amount must be less than 1,000,000,000"));
  return fail (r, error, JX_DOCUMENT_ERROR_CONTENT, _("an amount has at most 6 decimal places"));
}

/* Lists */

typedef gboolean (*ReadItem) (Reader *r, guint depth, gpointer user_data, GPtrArray *items,
                              GError **error);

/* Reads an array member element by element into a list store, all at
 * once so that views see one change. depth: of the object it is in. */
static gboolean
read_list (Reader *r, guint depth, guint max_items, const char *too_many,
           ReadItem read_item, gpointer user_data, GListModel *store, GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GError *item_error = NULL;
  gboolean first = TRUE;
  guint i = 0;

  if (jx_json_peek (&r->json) != JX_JSON_ARRAY)
    return mismatch (r, depth, N_("an array"), error);
  if (!jx_json_enter (&r->json, depth + 1))
    return FALSE;

  for (; jx_json_array_next (&r->json, &first); i++)
    {
      if (item_error == NULL && i == max_items)
        fail (r, &item_error, JX_DOCUMENT_ERROR_CONTENT, too_many, max_items);
      if (item_error == NULL)
        {
          guint mark = push_index (r, i);
          gboolean ok = read_item (r, depth + 1, user_data, items, &item_error);

          pop (r, mark);
          if (!ok && r->json.failed)
            break;
        }
      else if (!jx_json_skip (&r->json, depth + 1, NULL))
        break;
    }
  if (r->json.failed)
    {
      g_clear_error (&item_error);
      return FALSE;
    }
  if (item_error != NULL)
    {
      g_propagate_error (error, item_error);
      return FALSE;
    }
  g_list_store_splice (G_LIST_STORE (store), 0, 0, items->pdata, items->len);
  return TRUE;
}

static gboolean
expect_object (Reader *r, guint depth, GError **error)
{
  if (jx_json_peek (&r->json) == JX_JSON_OBJECT)
    return TRUE;
  return mismatch (r, depth, N_("an object"), error);
}

static gboolean
read_text_item (Reader *r, guint depth, gpointer user_data, GPtrArray *items, GError **error)
{
  char *text = NULL;

  if (!read_text (r, depth, &text, error))
    return FALSE;
  g_ptr_array_add (items, jx_text_item_new_take (text));
  return TRUE;
}

/* Measures */

static const Member measure_members[] = {
  MEMBER ("heading", OPTIONAL, N_("a text")),
  MEMBER ("body", REQUIRED, N_("a text")),
};

typedef struct
{
  char *text[G_N_ELEMENTS (measure_members)];
} MeasureRead;

static gboolean
read_measure_member (Reader *r, ObjectRead *o, guint index, GError **error)
{
  MeasureRead *m = o->target;

  return read_text (r, o->depth, &m->text[index], error);
}

static gboolean
read_measure (Reader *r, guint depth, gpointer user_data, GPtrArray *items, GError **error)
{
  MeasureRead m = { { NULL, } };
  ObjectRead o = { measure_members, G_N_ELEMENTS (measure_members), read_measure_member, NULL, &m };
  gboolean ok = FALSE;

  if (expect_object (r, depth, error) && read_object (r, &o, depth, N_("an object"), error))
    {
      JxMeasure *measure = jx_measure_new_take (m.text[0] != NULL ? m.text[0] : jx_str_empty (),
                                                m.text[1]);

      take_extras (r, &o, jx_measure_get_extras (measure));
      g_ptr_array_add (items, measure);
      m.text[0] = m.text[1] = NULL;
      ok = TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (m.text); i++)
    jx_str_unref (m.text[i]);
  object_read_clear (&o);
  return ok;
}

/* Checkpoints */

static const Member checkpoint_members[] = {
  MEMBER ("month", REQUIRED, N_("a whole number")),
  MEMBER ("percent", REQUIRED, N_("a percentage (a number from 0 to 100)")),
};

typedef struct
{
  gint64 month;
  double percent;
} CheckpointRead;

static gboolean
read_checkpoint_member (Reader *r, ObjectRead *o, guint index, GError **error)
{
  CheckpointRead *c = o->target;
  JxJsonNumber number;

  if (index == 0)
    return read_int (r, o->depth, 1, 12, &c->month, error);

  if (!read_number (r, o->depth, checkpoint_members[1].expected, &number, error))
    return FALSE;
  c->percent = number.number;
  if (c->percent < 0 || c->percent > 100)
    return fail (r, error, JX_DOCUMENT_ERROR_CONTENT, _("a percentage must be from 0 to 100"));
  return TRUE;
}

static gboolean
read_checkpoint (Reader *r, guint depth, gpointer user_data, GPtrArray *items, GError **error)
{
  CheckpointRead c = { 0, 0 };
  ObjectRead o = { checkpoint_members, G_N_ELEMENTS (checkpoint_members), read_checkpoint_member,
                   NULL, &c };
  gboolean ok = FALSE;

  if (expect_object (r, depth, error) && read_object (r, &o, depth, N_("an object"), error))
    {
      JxCheckpoint *checkpoint = jx_checkpoint_new ((guint) c.month, c.percent);

      take_extras (r, &o, jx_checkpoint_get_extras (checkpoint));
      g_ptr_array_add (items, checkpoint);
      ok = TRUE;
    }
  object_read_clear (&o);
  return ok;
}

/* Monitoring and evaluation: optional members of projects and rows */

static gboolean
parse_likelihood (const char *text, int *out)
{
  JxLikelihood v;

  return jx_likelihood_from_string (text, &v) && (*out = v, TRUE);
}

static gboolean
parse_achievement (const char *text, int *out)
{
  JxAchievement v;

  return jx_achievement_from_string (text, &v) && (*out = v, TRUE);
}

static gboolean
parse_cause (const char *text, int *out)
{
  JxCauses v;

  return jx_cause_from_string (text, &v) && (*out = v, TRUE);
}

static gboolean
parse_stage (const char *text, int *out)
{
  JxStage v;

  return jx_stage_from_string (text, &v) && (*out = v, TRUE);
}

/* One of the words of an enumeration ("possible", "met"). */
static gboolean
read_word (Reader *r, guint depth, const char *expected, gboolean (*parse) (const char *, int *),
           int *out, GError **error)
{
  g_autofree char *word = NULL;
  const char *text;
  gsize length;

  if (jx_json_peek (&r->json) != JX_JSON_STRING)
    return mismatch (r, depth, expected, error);
  if (!jx_json_read_string (&r->json, &text, &length))
    return FALSE;
  word = g_strndup (text, length);
  if (strlen (word) == length && parse (word, out))
    return TRUE;
  return fail (r, error, JX_DOCUMENT_ERROR_CONTENT, _("expected %s, found “%s”"), _(expected), word);
}

static gboolean
read_points (Reader *r, guint depth, double max, double *out, GError **error)
{
  JxJsonNumber number;

  if (!read_number (r, depth, N_("a number of points"), &number, error))
    return FALSE;
  if (number.number >= 0 && number.number <= max)
    {
      *out = number.number;
      return TRUE;
    }
  return fail (r, error, JX_DOCUMENT_ERROR_CONTENT, _("must be from 0 to %g points"), max);
}

/* A stage text into a field of the stage members (not a shared text). */
static gboolean
read_stage_text (Reader *r, guint depth, char **field, GError **error)
{
  char *text = NULL;

  if (!read_text (r, depth, &text, error))
    return FALSE;
  jx_stage_set_text (field, text);
  jx_str_unref (text);
  return TRUE;
}

static gboolean
read_causes (Reader *r, guint depth, JxCauses *out, GError **error)
{
  GError *item_error = NULL;
  gboolean first = TRUE;

  if (jx_json_peek (&r->json) != JX_JSON_ARRAY)
    return mismatch (r, depth, N_("an array of causes"), error);
  if (!jx_json_enter (&r->json, depth + 1))
    return FALSE;
  for (guint i = 0; jx_json_array_next (&r->json, &first); i++)
    {
      int cause = 0;

      if (item_error == NULL)
        {
          guint mark = push_index (r, i);
          gboolean ok = read_word (r, depth + 1,
                                   N_("one of “funds”, “rules”, “staff”, “equipment” or “other”"),
                                   parse_cause, &cause, &item_error);

          pop (r, mark);
          if (!ok && r->json.failed)
            break;
          *out |= ok ? (JxCauses) cause : 0;
        }
      else if (!jx_json_skip (&r->json, depth + 1, NULL))
        break;
    }
  if (r->json.failed)
    {
      g_clear_error (&item_error);
      return FALSE;
    }
  if (item_error != NULL)
    {
      g_propagate_error (error, item_error);
      return FALSE;
    }
  return TRUE;
}

static const Member project_monitoring_members[] = {
  MEMBER ("adjusted_budget", OPTIONAL, N_("an amount (a number)")),
  MEMBER ("executed", OPTIONAL, N_("an amount (a number)")),
  MEMBER ("expected", OPTIONAL, N_("an amount (a number)")),
};

static gboolean
read_project_monitoring_member (Reader *r, ObjectRead *o, guint index, GError **error)
{
  JxProject *project = o->target;
  void (*setters[]) (JxProject *, JxMoney) = {
    jx_project_set_monitoring_adjusted_budget, jx_project_set_monitoring_executed,
    jx_project_set_monitoring_expected,
  };
  JxMoney amount;

  if (!read_amount (r, o->depth, &amount, error))
    return FALSE;
  setters[index] (project, amount);
  return TRUE;
}

static const Member project_evaluation_members[] = {
  MEMBER ("budget", OPTIONAL, N_("an amount (a number)")),
  MEMBER ("executed", OPTIONAL, N_("an amount (a number)")),
  MEMBER ("execution_score", OPTIONAL, N_("a number of points")),
  MEMBER ("conclusion", OPTIONAL, N_("a text")),
  MEMBER ("problems", OPTIONAL, N_("a text")),
  MEMBER ("improvements", OPTIONAL, N_("a text")),
};

static gboolean
read_project_evaluation_member (Reader *r, ObjectRead *o, guint index, GError **error)
{
  JxProject *project = o->target;
  JxProjectStage *stage = jx_project_get_stage (project);
  char **texts[] = { &stage->conclusion, &stage->problems, &stage->improvements };
  JxMoney amount;
  double points;

  switch (index)
    {
    case 0:
    case 1:
      if (!read_amount (r, o->depth, &amount, error))
        return FALSE;
      (index == 0 ? jx_project_set_evaluation_budget : jx_project_set_evaluation_executed) (project, amount);
      return TRUE;
    case 2:
      if (!read_points (r, o->depth, 10, &points, error))
        return FALSE;
      jx_project_set_evaluation_execution_score (project, points);
      return TRUE;
    default:
      return read_stage_text (r, o->depth, texts[index - 3], error);
    }
}

static const Member indicator_monitoring_members[] = {
  MEMBER ("actual", OPTIONAL, N_("a text")),
  MEMBER ("expected", OPTIONAL, N_("a text")),
  MEMBER ("likelihood", OPTIONAL, N_("“certain”, “possible” or “impossible”")),
  MEMBER ("causes", OPTIONAL, N_("an array of causes")),
  MEMBER ("note", OPTIONAL, N_("a text")),
  MEMBER ("measures", OPTIONAL, N_("a text")),
};

static gboolean
read_indicator_monitoring_member (Reader *r, ObjectRead *o, guint index, GError **error)
{
  JxIndicatorStage *stage = o->target;
  int likelihood;

  switch (index)
    {
    case 0: return read_stage_text (r, o->depth, &stage->actual, error);
    case 1: return read_stage_text (r, o->depth, &stage->expected, error);
    case 2:
      if (!read_word (r, o->depth, indicator_monitoring_members[2].expected, parse_likelihood,
                      &likelihood, error))
        return FALSE;
      stage->likelihood = likelihood;
      return TRUE;
    case 3: return read_causes (r, o->depth, &stage->causes, error);
    case 4: return read_stage_text (r, o->depth, &stage->note, error);
    default: return read_stage_text (r, o->depth, &stage->measures, error);
    }
}

static const Member indicator_evaluation_members[] = {
  MEMBER ("actual", OPTIONAL, N_("a text")),
  MEMBER ("weight", OPTIONAL, N_("a number of points")),
  MEMBER ("achievement", OPTIONAL, N_("“met”, “partial” or “not-met”")),
  MEMBER ("score", OPTIONAL, N_("a number of points")),
  MEMBER ("analysis", OPTIONAL, N_("a text")),
};

static gboolean
read_indicator_evaluation_member (Reader *r, ObjectRead *o, guint index, GError **error)
{
  JxIndicatorStage *stage = o->target;
  int achievement;

  switch (index)
    {
    case 0: return read_stage_text (r, o->depth, &stage->result, error);
    case 1: return read_points (r, o->depth, JX_SCORE_MAX, &stage->weight, error);
    case 2:
      if (!read_word (r, o->depth, indicator_evaluation_members[2].expected, parse_achievement,
                      &achievement, error))
        return FALSE;
      stage->achievement = achievement;
      return TRUE;
    case 3: return read_points (r, o->depth, JX_SCORE_MAX, &stage->score, error);
    default: return read_stage_text (r, o->depth, &stage->analysis, error);
    }
}

/* A "monitoring" or "evaluation" object into target, its member order and
 * unknown members into extras. */
static gboolean
read_stage_object (Reader *r, guint depth, const Member *members, guint n_members,
                   ReadMember read_member, gpointer target, JxExtras *extras, GError **error)
{
  ObjectRead o = { members, n_members, read_member, NULL, target };
  gboolean ok = read_object (r, &o, depth, N_("an object"), error);

  if (ok)
    take_extras (r, &o, extras);
  object_read_clear (&o);
  return ok;
}

static gboolean
read_project_stage (Reader *r, guint depth, JxProject *project, JxStage stage, GError **error)
{
  if (stage == JX_STAGE_MONITORING)
    return read_stage_object (r, depth, project_monitoring_members,
                              G_N_ELEMENTS (project_monitoring_members),
                              read_project_monitoring_member, project,
                              jx_project_get_stage_extras (project, stage), error);
  return read_stage_object (r, depth, project_evaluation_members,
                            G_N_ELEMENTS (project_evaluation_members),
                            read_project_evaluation_member, project,
                            jx_project_get_stage_extras (project, stage), error);
}

/* Into *stage, allocated on the first stage member of the row. */
static gboolean
read_indicator_stage (Reader *r, guint depth, JxIndicatorStage **stage, JxStage which,
                      GError **error)
{
  if (*stage == NULL)
    *stage = jx_indicator_stage_new ();
  if (which == JX_STAGE_MONITORING)
    return read_stage_object (r, depth, indicator_monitoring_members,
                              G_N_ELEMENTS (indicator_monitoring_members),
                              read_indicator_monitoring_member, *stage,
                              &(*stage)->monitoring_extras, error);
  return read_stage_object (r, depth, indicator_evaluation_members,
                            G_N_ELEMENTS (indicator_evaluation_members),
                            read_indicator_evaluation_member, *stage,
                            &(*stage)->evaluation_extras, error);
}

/* Indicators */

static const Member indicator_members[] = {
  MEMBER ("level1", REQUIRED, N_("a text")),
  MEMBER ("level2", REQUIRED, N_("a text")),
  MEMBER ("name", REQUIRED, N_("a text")),
  MEMBER ("description", OPTIONAL, N_("a text")),
  MEMBER ("value", REQUIRED, N_("a text")),
  MEMBER ("basis", OPTIONAL, N_("a text")),
  MEMBER ("monitoring", OPTIONAL, N_("an object")),
  MEMBER ("evaluation", OPTIONAL, N_("an object")),
};

/* The row's texts are the members before "monitoring". */
#define N_INDICATOR_TEXTS 6

typedef struct
{
  char *text[N_INDICATOR_TEXTS];
  JxIndicatorStage *stage;
} IndicatorRead;

static gboolean
read_indicator_member (Reader *r, ObjectRead *o, guint index, GError **error)
{
  IndicatorRead *ind = o->target;

  if (index >= N_INDICATOR_TEXTS)
    return read_indicator_stage (r, o->depth, &ind->stage,
                                 index == N_INDICATOR_TEXTS ? JX_STAGE_MONITORING
                                                            : JX_STAGE_EVALUATION, error);
  return read_text (r, o->depth, &ind->text[index], error);
}

static gboolean
read_indicator (Reader *r, guint depth, gpointer user_data, GPtrArray *items, GError **error)
{
  IndicatorRead ind = { { NULL, }, NULL };
  ObjectRead o = { indicator_members, G_N_ELEMENTS (indicator_members), read_indicator_member,
                   NULL, &ind };
  gboolean ok = FALSE;

  if (expect_object (r, depth, error) && read_object (r, &o, depth, N_("an object"), error))
    {
      JxIndicator *indicator;

      for (guint i = 0; i < G_N_ELEMENTS (ind.text); i++)
        if (ind.text[i] == NULL)
          ind.text[i] = jx_str_empty ();
      indicator = jx_indicator_new_take (ind.text);
      memset (ind.text, 0, sizeof ind.text);
      *jx_indicator_stage_slot (indicator) = g_steal_pointer (&ind.stage);
      take_extras (r, &o, jx_indicator_get_extras (indicator));
      g_ptr_array_add (items, indicator);
      ok = TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (ind.text); i++)
    jx_str_unref (ind.text[i]);
  jx_indicator_stage_free (ind.stage);
  object_read_clear (&o);
  return ok;
}

/* Projects */

/* What the projects read so far tell the next one. */
typedef struct
{
  JxMoney total;
} ProjectsSeen;

static const Member funds_members[] = {
  MEMBER ("fiscal", REQUIRED, N_("an amount (a number)")),
  MEMBER ("other", REQUIRED, N_("an amount (a number)")),
};

static const Member overview_members[] = {
  MEMBER ("description", OPTIONAL, N_("a text")),
  MEMBER ("goal", OPTIONAL, N_("a text")),
  MEMBER ("indicator_summary", OPTIONAL, N_("a text")),
};

/* Empty and repeated codes are a draft's, for the review to report. */
enum { P_CODE, P_NAME, P_FUNDS, P_USAGE, P_SPENDING_PLAN, P_GOALS, P_OVERVIEW, P_INDICATORS,
       P_MONITORING, P_EVALUATION };

static const Member project_members[] = {
  [P_CODE] = MEMBER ("code", REQUIRED, N_("a text")),
  [P_NAME] = MEMBER ("name", REQUIRED, N_("a text")),
  [P_FUNDS] = MEMBER ("funds", REQUIRED, N_("an object with “fiscal” and “other”")),
  [P_USAGE] = MEMBER ("usage", OPTIONAL, N_("a text")),
  [P_SPENDING_PLAN] = MEMBER ("spending_plan", REQUIRED, N_("an array")),
  [P_GOALS] = MEMBER ("goals", REQUIRED, N_("an array")),
  [P_OVERVIEW] = MEMBER ("overview", OPTIONAL, N_("an object")),
  [P_INDICATORS] = MEMBER ("indicators", REQUIRED, N_("an array")),
  [P_MONITORING] = MEMBER ("monitoring", OPTIONAL, N_("an object")),
  [P_EVALUATION] = MEMBER ("evaluation", OPTIONAL, N_("an object")),
};

/* The project's texts, in the order jx_project_take_texts wants them. */
enum { T_CODE, T_NAME, T_USAGE, T_DESCRIPTION, T_GOAL, T_SUMMARY, N_PROJECT_TEXTS };

typedef struct
{
  ProjectsSeen *seen;
  JxProject *project;
  char *text[N_PROJECT_TEXTS];
  JxMoney funds[2];
} ProjectRead;

static gboolean
read_funds_member (Reader *r, ObjectRead *o, guint index, GError **error)
{
  ProjectRead *p = o->target;

  return read_amount (r, o->depth, &p->funds[index], error);
}

static gboolean
read_overview_member (Reader *r, ObjectRead *o, guint index, GError **error)
{
  ProjectRead *p = o->target;

  return read_text (r, o->depth, &p->text[T_DESCRIPTION + index], error);
}

static gboolean
read_project_member (Reader *r, ObjectRead *o, guint index, GError **error)
{
  ProjectRead *p = o->target;
  JxProject *project = p->project;

  switch (index)
    {
    case P_CODE:
    case P_NAME:
      return read_text (r, o->depth, &p->text[index == P_CODE ? T_CODE : T_NAME], error);
    case P_USAGE:
      return read_text (r, o->depth, &p->text[T_USAGE], error);
    case P_FUNDS:
      {
        ObjectRead funds = { funds_members, G_N_ELEMENTS (funds_members), read_funds_member, NULL, p };
        gboolean ok = read_object (r, &funds, o->depth, project_members[P_FUNDS].expected, error);

        if (ok)
          take_extras (r, &funds, jx_project_get_funds_extras (project));
        object_read_clear (&funds);
        return ok;
      }
    case P_OVERVIEW:
      {
        ObjectRead overview = { overview_members, G_N_ELEMENTS (overview_members),
                                read_overview_member, NULL, p };
        gboolean ok = read_object (r, &overview, o->depth, project_members[P_OVERVIEW].expected, error);

        if (ok)
          take_extras (r, &overview, jx_project_get_overview_extras (project));
        object_read_clear (&overview);
        return ok;
      }
    case P_SPENDING_PLAN:
      return read_list (r, o->depth, JX_MAX_ROWS, _("a project can have at most %u checkpoints"),
                        read_checkpoint, NULL, jx_project_get_spending_plan (project), error);
    case P_GOALS:
      return read_list (r, o->depth, JX_MAX_ROWS, _("a project can have at most %u goals"),
                        read_text_item, NULL, jx_project_get_goals (project), error);
    case P_INDICATORS:
      return read_list (r, o->depth, JX_MAX_ROWS, _("a project can have at most %u indicators"),
                        read_indicator, NULL, jx_project_get_indicators (project), error);
    case P_MONITORING:
    case P_EVALUATION:
      return read_project_stage (r, o->depth, project,
                                 index == P_MONITORING ? JX_STAGE_MONITORING : JX_STAGE_EVALUATION,
                                 error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_after_project_member (Reader *r, ObjectRead *o, guint index, GError **error)
{
  ProjectRead *p = o->target;
  ProjectsSeen *seen = p->seen;
  guint mark;

  if (index == P_FUNDS)
    {
      /* Each amount is bounded, but thousands of projects could still add
       * up past what the document's total can hold. */
      JxMoney total = p->funds[0] + p->funds[1];

      if (total <= G_MAXINT64 - seen->total)
        {
          seen->total += total;
          return TRUE;
        }
      mark = push_member (r, "funds");
      fail (r, error, JX_DOCUMENT_ERROR_CONTENT,
            _("the amounts of all projects together are more than a document can hold"));
      pop (r, mark);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_project (Reader *r, guint depth, gpointer user_data, GPtrArray *items, GError **error)
{
  ProjectRead p = { user_data, NULL, { NULL, }, { 0, 0 } };
  ObjectRead o = { project_members, G_N_ELEMENTS (project_members), read_project_member,
                   check_after_project_member, &p };
  gboolean ok = FALSE;

  if (!expect_object (r, depth, error))
    return FALSE;
  p.project = g_object_new (JX_TYPE_PROJECT, NULL);
  if (read_object (r, &o, depth, N_("an object"), error))
    {
      for (guint i = 0; i < N_PROJECT_TEXTS; i++)
        if (p.text[i] == NULL)
          p.text[i] = jx_str_empty ();
      jx_project_take_texts (p.project, p.text);
      memset (p.text, 0, sizeof p.text);
      jx_project_init_funds (p.project, p.funds[0], p.funds[1]);
      /* The execution rates depend on the funds set without notice. */
      jx_project_stage_total_changed (p.project);
      take_extras (r, &o, jx_project_get_extras (p.project));
      g_ptr_array_add (items, g_steal_pointer (&p.project));
      ok = TRUE;
    }
  for (guint i = 0; i < N_PROJECT_TEXTS; i++)
    jx_str_unref (p.text[i]);
  g_clear_object (&p.project);
  object_read_clear (&o);
  return ok;
}

/* The department and Part 1 */

static const Member department_members[] = {
  MEMBER ("name", REQUIRED, N_("a text")),
  MEMBER ("unit_code", REQUIRED, N_("a text")),
  MEMBER ("unit_name", REQUIRED, N_("a text")),
  MEMBER ("compiler", OPTIONAL, N_("a text")),
  MEMBER ("reviewer", OPTIONAL, N_("a text")),
};

typedef struct
{
  char *text[G_N_ELEMENTS (department_members)];
} DepartmentRead;

static gboolean
read_department_member (Reader *r, ObjectRead *o, guint index, GError **error)
{
  DepartmentRead *d = o->target;

  return read_text (r, o->depth, &d->text[index], error);
}

static gboolean
read_department (Reader *r, guint depth, JxDepartment *department, GError **error)
{
  DepartmentRead d = { { NULL, } };
  ObjectRead o = { department_members, G_N_ELEMENTS (department_members), read_department_member,
                   NULL, &d };
  gboolean ok = read_object (r, &o, depth, N_("an object"), error);

  if (ok)
    {
      jx_department_set_name (department, d.text[0]);
      jx_department_set_unit_code (department, d.text[1]);
      jx_department_set_unit_name (department, d.text[2]);
      jx_department_set_compiler (department, d.text[3]);
      jx_department_set_reviewer (department, d.text[4]);
      take_extras (r, &o, jx_department_get_extras (department));
    }
  for (guint i = 0; i < G_N_ELEMENTS (d.text); i++)
    jx_str_unref (d.text[i]);
  object_read_clear (&o);
  return ok;
}

static const Member overall_members[] = {
  MEMBER ("summary", OPTIONAL, N_("a text")),
  MEMBER ("points", OPTIONAL, N_("an array")),
};

typedef struct
{
  JxDocument *document;
  char *summary;
} OverallRead;

static gboolean
read_overall_member (Reader *r, ObjectRead *o, guint index, GError **error)
{
  OverallRead *overall = o->target;

  if (index == 0)
    return read_text (r, o->depth, &overall->summary, error);
  return read_list (r, o->depth, JX_MAX_ROWS, _("Part 1 can have at most %u points"),
                    read_text_item, NULL, jx_document_get_points (overall->document), error);
}

static gboolean
read_overall (Reader *r, guint depth, JxDocument *document, GError **error)
{
  OverallRead overall = { document, NULL };
  ObjectRead o = { overall_members, G_N_ELEMENTS (overall_members), read_overall_member, NULL,
                   &overall };
  gboolean ok = read_object (r, &o, depth, N_("an object"), error);

  if (ok)
    {
      jx_document_set_summary (document, overall.summary);
      take_extras (r, &o, jx_document_get_overall_extras (document));
    }
  jx_str_unref (overall.summary);
  object_read_clear (&o);
  return ok;
}

/* The document */

enum { D_FORMAT, D_VERSION, D_YEAR, D_TITLE, D_DRAFT, D_MONEY_UNIT, D_DEPARTMENT, D_OVERALL,
       D_MEASURES, D_PROJECTS, D_STAGE, D_MONITORING_MONTH };

static const Member document_members[] = {
  [D_FORMAT] = MEMBER ("format", REQUIRED, N_("a text")),
  [D_VERSION] = MEMBER ("version", REQUIRED, N_("a whole number")),
  [D_YEAR] = MEMBER ("year", REQUIRED, N_("a whole number")),
  [D_TITLE] = MEMBER ("title", OPTIONAL, N_("a text")),
  [D_DRAFT] = MEMBER ("draft", OPTIONAL, N_("true or false")),
  [D_MONEY_UNIT] = MEMBER ("money_unit", OPTIONAL, N_("a text")),
  [D_DEPARTMENT] = MEMBER ("department", REQUIRED, N_("an object")),
  [D_OVERALL] = MEMBER ("overall", REQUIRED, N_("an object")),
  [D_MEASURES] = MEMBER ("measures", REQUIRED, N_("an array")),
  [D_PROJECTS] = MEMBER ("projects", REQUIRED, N_("an array")),
  [D_STAGE] = MEMBER ("stage", OPTIONAL, N_("“goals”, “monitoring” or “evaluation”")),
  [D_MONITORING_MONTH] = MEMBER ("monitoring_month", OPTIONAL, N_("a whole number")),
};

typedef struct
{
  JxDocument *document;
  gint64 year;
  char *title;
  char *unit;
  int draft;            /* -1 when absent */
  int stage;
  gint64 monitoring_month;
  ProjectsSeen projects;
} DocumentRead;

/* Said of the file, not of the member: no path. */
static gboolean
not_a_document (Reader *r, GError **error)
{
  g_clear_error (error);
  g_set_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_NOT_DOCUMENT,
               _("this is not a budget performance document: its member “format” must be “%s”"),
               JX_DOCUMENT_FORMAT);
  return FALSE;
}

static gboolean
read_version (Reader *r, guint depth, GError **error)
{
  gint64 version;

  if (!read_int (r, depth, G_MININT64, G_MAXINT64, &version, error))
    return FALSE;
  if (version < 1)
    return fail (r, error, JX_DOCUMENT_ERROR_CONTENT, _("the format version must be %d"),
                 JX_DOCUMENT_VERSION);
  if (version > JX_DOCUMENT_VERSION)
    return fail (r, error, JX_DOCUMENT_ERROR_VERSION,
                 _("the file has format version %lld, written by a newer program; this version "
                   "reads format version %d. Update the program to open it"),
                 (long long) version, JX_DOCUMENT_VERSION);
  return TRUE;
}

static gboolean
read_document_member (Reader *r, ObjectRead *o, guint index, GError **error)
{
  DocumentRead *d = o->target;
  JxDocument *document = d->document;

  switch (index)
    {
    case D_FORMAT:
      {
        const char *text;
        gsize length;

        if (jx_json_peek (&r->json) != JX_JSON_STRING)
          return jx_json_skip (&r->json, o->depth, NULL) && not_a_document (r, error);
        if (!jx_json_read_string (&r->json, &text, &length))
          return FALSE;
        return (length == strlen (JX_DOCUMENT_FORMAT) &&
                memcmp (text, JX_DOCUMENT_FORMAT, length) == 0) || not_a_document (r, error);
      }
    case D_VERSION:
      return read_version (r, o->depth, error);
    case D_YEAR:
      return read_int (r, o->depth, JX_YEAR_MIN, JX_YEAR_MAX, &d->year, error);
    case D_TITLE:
      return read_text (r, o->depth, &d->title, error);
    case D_DRAFT:
      {
        JxJsonKind kind = jx_json_peek (&r->json);

        if (kind != JX_JSON_TRUE && kind != JX_JSON_FALSE)
          return mismatch (r, o->depth, document_members[D_DRAFT].expected, error);
        d->draft = kind == JX_JSON_TRUE;
        return jx_json_read_literal (&r->json, kind);
      }
    case D_MONEY_UNIT:
      return read_text (r, o->depth, &d->unit, error);
    case D_DEPARTMENT:
      return read_department (r, o->depth, jx_document_get_department (document), error);
    case D_OVERALL:
      return read_overall (r, o->depth, document, error);
    case D_MEASURES:
      return read_list (r, o->depth, JX_MAX_ROWS, _("a document can have at most %u measures"),
                        read_measure, NULL, jx_document_get_measures (document), error);
    case D_PROJECTS:
      return read_list (r, o->depth, JX_MAX_PROJECTS, _("a document can have at most %u projects"),
                        read_project, &d->projects, jx_document_get_projects (document), error);
    case D_STAGE:
      return read_word (r, o->depth, document_members[D_STAGE].expected, parse_stage, &d->stage,
                        error);
    case D_MONITORING_MONTH:
      return read_int (r, o->depth, 1, 12, &d->monitoring_month, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_document (Reader *r, JxDocument *document, GError **error)
{
  DocumentRead d = { document, 0, NULL, NULL, -1, JX_STAGE_GOALS, 6, { 0 } };
  ObjectRead o = { document_members, G_N_ELEMENTS (document_members), read_document_member, NULL, &d };
  JxJsonKind kind;
  gboolean ok = FALSE;

  if (!jx_json_start (&r->json))
    return FALSE;
  kind = jx_json_peek (&r->json);
  if (kind != JX_JSON_OBJECT && kind != JX_JSON_INVALID)
    {
      const char *found = NULL;

      if (jx_json_skip (&r->json, 0, &found) && jx_json_finish (&r->json))
        fail (r, error, JX_DOCUMENT_ERROR_NOT_DOCUMENT,
              _("this is not a budget performance document: expected an object, found %s"), found);
      return FALSE;
    }
  if (kind == JX_JSON_INVALID)
    return jx_json_skip (&r->json, 0, NULL);

  o.depth = 1;
  if (!read_members (r, &o) || !jx_json_finish (&r->json))
    goto out;
  if (o.failed_step != NO_FAILURE)
    {
      /* A missing "format" says what the file is not, as a wrong one does. */
      if (o.failed_step == 2 * D_FORMAT && !(o.seen & (1u << D_FORMAT)))
        not_a_document (r, &o.error);
      g_propagate_error (error, g_steal_pointer (&o.error));
      goto out;
    }

  jx_document_set_year (document, (guint) d.year);
  if (d.title != NULL)
    jx_document_set_title (document, d.title);
  if (d.draft >= 0)
    jx_document_set_draft (document, d.draft);
  if (d.unit != NULL)
    jx_document_set_money_unit (document, d.unit);
  jx_document_set_stage (document, d.stage);
  jx_document_set_monitoring_month (document, (guint) d.monitoring_month);
  take_extras (r, &o, jx_document_get_extras (document));
  ok = TRUE;

out:
  jx_str_unref (d.title);
  jx_str_unref (d.unit);
  object_read_clear (&o);
  return ok;
}

static JxDocument *
load (Reader *r, GError **error)
{
  g_autoptr(JxDocument) document = jx_document_new ();
  GError *content_error = NULL;
  gboolean ok;

  r->n_frames = 0;
  r->key = g_string_new (NULL);
  r->texts = jx_str_pool_new ();
  r->orders = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref,
                                     (GDestroyNotify) g_ptr_array_unref);
  r->no_members = g_ptr_array_new_with_free_func (g_free);

  ok = read_document (r, document, &content_error);
  if (!ok)
    jx_json_reader_take_error (&r->json, content_error, error);

  g_string_free (r->key, TRUE);
  jx_str_pool_free (r->texts);
  g_hash_table_unref (r->orders);
  g_ptr_array_unref (r->no_members);
  jx_json_reader_clear (&r->json);
  return ok ? g_steal_pointer (&document) : NULL;
}

JxDocument *
jx_document_load_data (const char  *data,
                       gsize        length,
                       GError     **error)
{
  Reader reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > JX_MAX_FILE_SIZE)
    {
      g_set_error (error, JX_DOCUMENT_ERROR, JX_DOCUMENT_ERROR_TOO_LARGE,
                   _("the file is larger than %u MB, more than any document can be"),
                   (guint) (JX_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }
  jx_json_reader_init_data (&reader.json, data != NULL ? data : "", length, JX_MAX_DEPTH);
  return load (&reader, error);
}

JxDocument *
jx_document_load_file (const char  *path,
                       GError     **error)
{
  Reader reader;
  JxDocument *document;
  guint64 size;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((fd = jx_file_open_regular (path, &size, error)) < 0)
    return NULL;
  if (size > JX_MAX_FILE_SIZE)
    {
      close (fd);
      return jx_document_load_data ("", JX_MAX_FILE_SIZE + 1, error);
    }
  /* Read a window at a time: the text is never held whole. */
  jx_json_reader_init_fd (&reader.json, fd, JX_MAX_FILE_SIZE, JX_MAX_DEPTH);
  document = load (&reader, error);
  close (fd);
  return document;
}
