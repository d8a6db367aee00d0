/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-ft.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "jx-cli-private.h"
#include "jx-page-fonts.h"

/* The heap kept for huge pages (see below). */
static gpointer reserve_start;
static gsize reserve_length;

/* cairo 1.16 copies a font's whole cmap subtable (hundreds of KB in a CJK
 * font) for every glyph it embeds in a PDF, and a CJK font's whole CFF table
 * (about 24 MB) twice. Above glibc's default mmap threshold each copy is a
 * fresh mapping that page-faults in anew; kept on the heap, the blocks are
 * reused. Where touching fresh memory is dear (a virtual machine that
 * shadows page tables: several ms a MB), huge pages cut the cost of faulting
 * in what remains tenfold, so the heap is grown at once and marked for them.
 * Untouched, the reserve costs nothing. A short-lived command can afford the
 * memory this keeps; the application does not set it. */
void
jx_cli_tune_memory (void)
{
#ifdef __GLIBC__
  const size_t reserve = 64 * 1024 * 1024;
  char *block;

  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 2 * reserve);
  mallopt (M_TOP_PAD, reserve);
  /* More than the heap's first top chunk: makes glibc extend it by the pad. */
  block = malloc (1024 * 1024);
  if (block != NULL)
    {
      uintptr_t page = (uintptr_t) sysconf (_SC_PAGESIZE);
      uintptr_t start = ((uintptr_t) block + page - 1) & ~(page - 1);
      uintptr_t end = (uintptr_t) sbrk (0);

      if (end > start && madvise ((void *) start, end - start, MADV_HUGEPAGE) == 0)
        {
          reserve_start = (gpointer) start;
          reserve_length = end - start;
        }
      free (block);
    }
#endif
}

/* cairo 1.16 reads the whole CFF table of each CJK face it embeds in a PDF
 * (about 24 MB), twice, from FreeType's mapping of the font file. The first
 * touch of each page of that mapping is what costs (on a virtual machine
 * with shadowed page tables, about 0.6 ms a MB), and it is paid once per
 * process whichever thread pays it, and so is faulting in fresh heap for
 * the copies. So for export-pdf a helper thread reads the tables on the
 * second core while the main one lays the document out, then faults in as
 * much of the heap reserve as the first copy will take. */

#define CHUNK (256 * 1024)

typedef struct
{
  cairo_scaled_font_t *font;
  const void *file;  /* where the file was mapped when found: tells faces apart */
  gsize offset;   /* of the CFF table in the font file */
  gsize length;
} Table;

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* Where the face's CFF table lies in its file, from the sfnt table
 * directory (of the face's font in a collection). */
static gboolean
find_cff (FT_Face face,
          Table  *table)
{
  const guint8 *file = face->stream->base;
  gsize size = face->stream->size;
  gsize dir = 0;
  guint n;

  if (file == NULL || size < 12)
    return FALSE;
  if (memcmp (file, "ttcf", 4) == 0)
    {
      gsize index = (gsize) (face->face_index & 0xFFFF);

      if (index >= read_be32 (file + 8) || 12 + 4 * (index + 1) > size)
        return FALSE;
      dir = read_be32 (file + 12 + 4 * index);
    }
  if (dir + 12 > size)
    return FALSE;
  n = (guint) file[dir + 4] << 8 | file[dir + 5];
  for (guint i = 0; i < n && dir + 12 + 16 * (i + 1) <= size; i++)
    {
      const guint8 *record = file + dir + 12 + 16 * i;
      gsize offset = read_be32 (record + 8), length = read_be32 (record + 12);

      if (memcmp (record, "CFF ", 4) == 0 && offset <= size && length <= size - offset)
        {
          table->offset = offset;
          table->length = length;
          return TRUE;
        }
    }
  return FALSE;
}

/* cairo may close an idle face and map its file again elsewhere: each
 * chunk is read with the face locked, from where it is now. */
static void
touch_table (const Table *table)
{
  for (gsize done = 0; done < table->length; done += CHUNK)
    {
      FT_Face face = cairo_ft_scaled_font_lock_face (table->font);
      const volatile guint8 *start;
      gsize end = MIN (done + CHUNK, table->length);
      guint8 sink = 0;

      if (face == NULL)
        return;
      if (face->stream->base == NULL || face->stream->size < table->offset + table->length)
        {
          cairo_ft_scaled_font_unlock_face (table->font);
          return;
        }
      start = face->stream->base + table->offset;
      for (gsize i = done; i < end; i += 4096)
        sink ^= start[i];
      cairo_ft_scaled_font_unlock_face (table->font);
      (void) sink;
    }
}

static void
table_clear (gpointer data)
{
  Table *table = data;

  cairo_scaled_font_destroy (table->font);
}

static gboolean
has_table (GArray      *tables,
           const Table *table)
{
  for (guint i = 0; i < tables->len; i++)
    {
      const Table *other = &g_array_index (tables, Table, i);

      if (other->file == table->file && other->offset == table->offset)
        return TRUE;
    }
  return FALSE;
}

static void
add_table (GArray    *tables,
           PangoFont *font)
{
  cairo_scaled_font_t *scaled;
  FT_Face face;
  Table table = { 0 };

  if (!PANGO_IS_CAIRO_FONT (font))
    return;
  scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  if (scaled == NULL || cairo_scaled_font_get_type (scaled) != CAIRO_FONT_TYPE_FT)
    return;
  face = cairo_ft_scaled_font_lock_face (scaled);
  if (face == NULL)
    return;
  table.file = face->stream->base;
  if (find_cff (face, &table) && !has_table (tables, &table))
    {
      table.font = cairo_scaled_font_reference (scaled);
      g_array_append_val (tables, table);
    }
  cairo_ft_scaled_font_unlock_face (scaled);
}

static gpointer
touch_tables (gpointer data)
{
  GArray *tables = data;
  gsize largest = 0;

  for (guint i = 0; i < tables->len; i++)
    {
      touch_table (&g_array_index (tables, Table, i));
      largest = MAX (largest, g_array_index (tables, Table, i).length);
    }
#ifdef MADV_POPULATE_WRITE
  /* Faults pages in as a write would, leaving what is in them: safe while
   * malloc hands them out. The layout's own blocks come first; 8 MB covers
   * them. Linux before 5.14 refuses, and nothing is lost. */
  if (reserve_length > 0)
    madvise (reserve_start, MIN (reserve_length, largest + 8 * 1024 * 1024), MADV_POPULATE_WRITE);
#endif
  g_array_unref (tables);
  return NULL;
}

/* The layout loads the same fonts right after, from the font map's cache:
 * finding them here costs the main thread little it would not spend. */
void
jx_cli_prefault_export (void)
{
  PangoContext *context = jx_page_context_new ();
  GPtrArray *fonts = jx_page_fonts_load (context);
  GArray *tables = g_array_new (FALSE, FALSE, sizeof (Table));

  g_array_set_clear_func (tables, table_clear);
  for (guint i = 0; i < fonts->len; i++)
    add_table (tables, g_ptr_array_index (fonts, i));
  g_ptr_array_unref (fonts);
  g_object_unref (context);
  if (tables->len == 0)
    {
      g_array_unref (tables);
      return;
    }
  g_thread_unref (g_thread_new ("prefault", touch_tables, tables));
}
