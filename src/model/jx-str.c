/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jx-model-private.h"

/* A shared text is its characters preceded by a reference count. The
 * count is atomic: a copied project shares its texts with the original,
 * and the two may be released on different threads. */
typedef struct
{
  int refs;
  char text[];
} Str;

/* The empty text is never allocated nor freed: every new object starts
 * with a handful of them. */
static const char empty_text[1] = "";

#define STR_OF(s) ((Str *) ((s) - offsetof (Str, text)))

char *
jx_str_new (const char *text,
            gsize       length)
{
  Str *str;

  if (length == 0)
    return (char *) empty_text;
  str = g_malloc (offsetof (Str, text) + length + 1);
  str->refs = 1;
  memcpy (str->text, text, length);
  str->text[length] = '\0';
  return str->text;
}

char *
jx_str_empty (void)
{
  return (char *) empty_text;
}

char *
jx_str_ref (const char *str)
{
  if (str != empty_text)
    g_atomic_int_inc (&STR_OF (str)->refs);
  return (char *) str;
}

void
jx_str_unref (char *str)
{
  if (str == NULL || str == empty_text)
    return;
  if (g_atomic_int_dec_and_test (&STR_OF (str)->refs))
    g_free (STR_OF (str));
}

gboolean
jx_str_is_shared (const char *str)
{
  return str != empty_text && g_atomic_int_get (&STR_OF (str)->refs) > 1;
}

gboolean
jx_str_set (char       **field,
            const char  *value)
{
  if (value == NULL)
    value = "";
  if (*field != NULL && strcmp (*field, value) == 0)
    return FALSE;
  jx_str_unref (*field);
  *field = jx_str_new (value, strlen (value));
  return TRUE;
}

void
jx_str_take (char **field,
             char  *str)
{
  jx_str_unref (*field);
  *field = str;
}

/* Interning for one load: an open-addressing table of the texts seen so
 * far, keyed by their bytes. Hashes and texts are kept apart, 12 bytes a
 * slot: the table lives only while a file is read, but it is then as big
 * as the number of distinct texts. */
struct _JxStrPool
{
  guint32 *hashes;
  char **strs;        /* a reference the pool holds, or NULL */
  guint32 mask;       /* capacity - 1; capacity is a power of two */
  guint32 used;
};

JxStrPool *
jx_str_pool_new (void)
{
  JxStrPool *pool = g_new0 (JxStrPool, 1);

  pool->mask = 1024 - 1;
  pool->hashes = g_new (guint32, pool->mask + 1);
  pool->strs = g_new0 (char *, pool->mask + 1);
  return pool;
}

void
jx_str_pool_free (JxStrPool *pool)
{
  if (pool == NULL)
    return;
  for (guint32 i = 0; i <= pool->mask; i++)
    jx_str_unref (pool->strs[i]);
  g_free (pool->hashes);
  g_free (pool->strs);
  g_free (pool);
}

/* FNV-1a over 8 bytes at a time: texts are short, and this is about a
 * cycle a byte. */
static guint32
hash_bytes (const char *text, gsize length)
{
  guint64 h = 0xcbf29ce484222325ull ^ length;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, text + i, 8);
      h = (h ^ word) * 0x100000001b3ull;
      h ^= h >> 29;
    }
  for (; i < length; i++)
    h = (h ^ (guchar) text[i]) * 0x100000001b3ull;
  h ^= h >> 32;
  h *= 0x9E3779B97F4A7C15ull;
  return (guint32) (h >> 32);
}

static void
grow (JxStrPool *pool)
{
  guint32 old_mask = pool->mask;
  guint32 *old_hashes = pool->hashes;
  char **old_strs = pool->strs;

  pool->mask = old_mask * 2 + 1;
  pool->hashes = g_new (guint32, pool->mask + 1);
  pool->strs = g_new0 (char *, pool->mask + 1);
  for (guint32 i = 0; i <= old_mask; i++)
    if (old_strs[i] != NULL)
      {
        guint32 k = old_hashes[i] & pool->mask;

        while (pool->strs[k] != NULL)
          k = (k + 1) & pool->mask;
        pool->hashes[k] = old_hashes[i];
        pool->strs[k] = old_strs[i];
      }
  g_free (old_hashes);
  g_free (old_strs);
}

char *
jx_str_pool_get (JxStrPool  *pool,
                 const char *text,
                 gsize       length)
{
  guint32 hash;
  guint32 k;

  if (length == 0)
    return (char *) empty_text;
  if ((pool->used + 1) * 4 > (pool->mask + 1) * 3)
    grow (pool);

  hash = hash_bytes (text, length);
  for (k = hash & pool->mask; pool->strs[k] != NULL; k = (k + 1) & pool->mask)
    if (pool->hashes[k] == hash && strncmp (pool->strs[k], text, length) == 0 &&
        pool->strs[k][length] == '\0')
      return jx_str_ref (pool->strs[k]);

  pool->used++;
  pool->hashes[k] = hash;
  pool->strs[k] = jx_str_new (text, length);
  return jx_str_ref (pool->strs[k]);
}
