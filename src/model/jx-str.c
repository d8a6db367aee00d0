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
 * far, keyed by their bytes. */
typedef struct
{
  guint32 hash;
  guint32 length;
  char *str;          /* a reference the pool holds */
  gpointer data;
} Slot;

struct _JxStrPool
{
  Slot *slots;
  guint32 mask;       /* capacity - 1; capacity is a power of two */
  guint32 used;
  GDestroyNotify free_data;
};

JxStrPool *
jx_str_pool_new (GDestroyNotify free_data)
{
  JxStrPool *pool = g_new0 (JxStrPool, 1);

  pool->mask = 1024 - 1;
  pool->slots = g_new0 (Slot, pool->mask + 1);
  pool->free_data = free_data;
  return pool;
}

void
jx_str_pool_free (JxStrPool *pool)
{
  if (pool == NULL)
    return;
  for (guint32 i = 0; i <= pool->mask; i++)
    if (pool->slots[i].str != NULL)
      {
        jx_str_unref (pool->slots[i].str);
        if (pool->free_data != NULL && pool->slots[i].data != NULL)
          pool->free_data (pool->slots[i].data);
      }
  g_free (pool->slots);
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
  return (guint32) h;
}

static void
grow (JxStrPool *pool)
{
  guint32 old_mask = pool->mask;
  Slot *old = pool->slots;

  pool->mask = old_mask * 2 + 1;
  pool->slots = g_new0 (Slot, pool->mask + 1);
  for (guint32 i = 0; i <= old_mask; i++)
    if (old[i].str != NULL)
      {
        guint32 k = old[i].hash & pool->mask;

        while (pool->slots[k].str != NULL)
          k = (k + 1) & pool->mask;
        pool->slots[k] = old[i];
      }
  g_free (old);
}

static Slot *
lookup (JxStrPool *pool, const char *text, gsize length)
{
  guint32 hash = hash_bytes (text, length);
  guint32 k = hash & pool->mask;

  for (;;)
    {
      Slot *slot = &pool->slots[k];

      if (slot->str == NULL)
        {
          if ((pool->used + 1) * 4 > (pool->mask + 1) * 3)
            {
              grow (pool);
              return lookup (pool, text, length);
            }
          pool->used++;
          slot->hash = hash;
          slot->length = (guint32) length;
          slot->str = jx_str_new (text, length);
          return slot;
        }
      if (slot->hash == hash && slot->length == length && memcmp (slot->str, text, length) == 0)
        return slot;
      k = (k + 1) & pool->mask;
    }
}

char *
jx_str_pool_get (JxStrPool  *pool,
                 const char *text,
                 gsize       length)
{
  if (length == 0)
    return (char *) empty_text;
  /* Texts past 4 GB cannot occur (files are smaller); the length field is
   * 32 bits. */
  if (length > G_MAXUINT32)
    return jx_str_new (text, length);
  return jx_str_ref (lookup (pool, text, length)->str);
}

gpointer *
jx_str_pool_data (JxStrPool  *pool,
                  const char *text,
                  gsize       length)
{
  g_return_val_if_fail (length > 0 && length <= G_MAXUINT32, NULL);
  return &lookup (pool, text, length)->data;
}
