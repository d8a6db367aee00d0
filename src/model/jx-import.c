/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jx-import-private.h"
#include "jx-sheet-import-private.h"

G_DEFINE_QUARK (jx-import-error-quark, jx_import_error)

/* ---- The report ---- */

typedef struct
{
  char *place;
  char *text;
} Note;

struct _JxImportReport
{
  gatomicrefcount ref_count;
  GArray *notes;
};

G_DEFINE_BOXED_TYPE (JxImportReport, jx_import_report,
                     jx_import_report_ref, jx_import_report_unref)

static void
note_clear (Note *note)
{
  g_free (note->place);
  g_free (note->text);
}

JxImportReport *
jx_import_report_new (void)
{
  JxImportReport *self = g_new0 (JxImportReport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->notes = g_array_new (FALSE, FALSE, sizeof (Note));
  g_array_set_clear_func (self->notes, (GDestroyNotify) note_clear);
  return self;
}

JxImportReport *
jx_import_report_ref (JxImportReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
jx_import_report_unref (JxImportReport *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->notes);
  g_free (self);
}

void
jx_import_report_add (JxImportReport *self,
                      const char     *place,
                      const char     *format,
                      ...)
{
  Note note;
  va_list args;

  g_return_if_fail (self != NULL);
  g_return_if_fail (place != NULL && format != NULL);

  va_start (args, format);
  note.place = g_strdup (place);
  note.text = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (self->notes, note);
}

guint
jx_import_report_get_n_notes (JxImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->notes->len;
}

const char *
jx_import_report_get_place (JxImportReport *self,
                            guint           index)
{
  g_return_val_if_fail (self != NULL && index < self->notes->len, NULL);
  return g_array_index (self->notes, Note, index).place;
}

const char *
jx_import_report_get_text (JxImportReport *self,
                           guint           index)
{
  g_return_val_if_fail (self != NULL && index < self->notes->len, NULL);
  return g_array_index (self->notes, Note, index).text;
}

char *
jx_import_report_to_text (JxImportReport *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->notes->len; i++)
    {
      const Note *note = &g_array_index (self->notes, Note, i);

      /* TRANSLATORS: one line of an import report: where, then what. */
      g_string_append_printf (text, _("%s: %s"), note->place, note->text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* ---- Limits ---- */

void
jx_import_budget_init (JxImportBudget *budget,
                       guint64         file_size,
                       GCancellable   *cancellable)
{
  budget->cancellable = cancellable;
  budget->file_size = file_size;
  budget->inflated = 0;
  budget->limit = MIN (JX_IMPORT_MAX_INFLATED,
                       MAX (JX_IMPORT_RATIO_FLOOR, file_size * JX_IMPORT_MAX_RATIO));
}

gboolean
jx_import_budget_spend (JxImportBudget *budget,
                        guint64         length,
                        GError        **error)
{
  if (g_cancellable_set_error_if_cancelled (budget->cancellable, error))
    return FALSE;
  if (length <= budget->limit - budget->inflated)
    {
      budget->inflated += length;
      return TRUE;
    }
  g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_TOO_LARGE,
               _("The file unpacks to more than %u MB: it is not a real office "
                 "document, or it is damaged. (A file is read up to %u times its "
                 "own size, and never past %u MB.)"),
               (guint) (budget->limit / (1024 * 1024)), (guint) JX_IMPORT_MAX_RATIO,
               (guint) (JX_IMPORT_MAX_INFLATED / (1024 * 1024)));
  return FALSE;
}

/* ---- Reading the file ---- */

static gboolean
set_read_error (GError **error, int saved_errno)
{
  g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_UNREADABLE,
               _("The file could not be read: %s"), g_strerror (saved_errno));
  return FALSE;
}

static gboolean
read_fd (int fd, gsize size, guint8 *data, GError **error)
{
  gsize done = 0;

  while (done < size)
    {
      gssize got = read (fd, data + done, size - done);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        return set_read_error (error, errno);
      if (got == 0)
        break;
      done += (gsize) got;
    }
  if (done == size)
    return TRUE;
  g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_UNREADABLE,
               _("The file became shorter while it was read; try again once "
                 "the program writing it has finished."));
  return FALSE;
}

/* The whole file, refusing pipes, devices and folders before reading (a
 * FIFO would block, a device never end) and anything past the size limit. */
static GBytes *
read_file (const char *path, GError **error)
{
  struct stat st;
  guint8 *data;
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);

  if (fd < 0)
    {
      set_read_error (error, errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      set_read_error (error, errno);
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode) || (guint64) st.st_size > JX_IMPORT_MAX_FILE_SIZE)
    {
      if (!S_ISREG (st.st_mode))
        g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_UNREADABLE,
                     _("This is not a file but a folder, a device or a pipe."));
      else
        g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_TOO_LARGE,
                     _("The file is larger than %u MB, far more than any budget "
                       "document; it was not read."),
                     (guint) (JX_IMPORT_MAX_FILE_SIZE / (1024 * 1024)));
      close (fd);
      return NULL;
    }

  data = g_malloc (MAX (st.st_size, 1));
  if (!read_fd (fd, (gsize) st.st_size, data, error))
    {
      g_free (data);
      close (fd);
      return NULL;
    }
  close (fd);
  return g_bytes_new_take (data, (gsize) st.st_size);
}

/* ---- Recognising the kind of file ---- */

static const guint8 zip_magic[] = { 'P', 'K', 0x03, 0x04 };
static const guint8 ole_magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

static gboolean
has_prefix (GBytes *bytes, const guint8 *magic, gsize length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return size >= length && memcmp (data, magic, length) == 0;
}

static gboolean
set_unsupported (GError **error, const char *message)
{
  g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_UNSUPPORTED, message);
  return FALSE;
}

static gboolean
has_child (GsfInfile *infile, const char *first, ...)
{
  GsfInput *child;
  va_list names;

  va_start (names, first);
  child = gsf_infile_child_by_name (infile, first);
  for (const char *name = va_arg (names, const char *);
       child != NULL && name != NULL; name = va_arg (names, const char *))
    {
      GsfInput *next = GSF_IS_INFILE (child)
                       ? gsf_infile_child_by_name (GSF_INFILE (child), name) : NULL;

      g_object_unref (child);
      child = next;
    }
  va_end (names);
  if (child == NULL)
    return FALSE;
  g_object_unref (child);
  return TRUE;
}

/* The first bytes of an OpenDocument's "mimetype" member, stored uncompressed
 * right after its local header by every ODF writer. */
static gboolean
is_opendocument (GsfInfile *zip, const char *kind)
{
  g_autofree char *expected = g_strconcat ("application/vnd.oasis.opendocument.", kind, NULL);
  GsfInput *mimetype = gsf_infile_child_by_name (zip, "mimetype");
  gsize length = strlen (expected);
  gboolean found = FALSE;

  if (mimetype == NULL)
    return FALSE;
  if (gsf_input_size (mimetype) >= (gsf_off_t) length)
    {
      const guint8 *data = gsf_input_read (mimetype, length, NULL);

      found = data != NULL && memcmp (data, expected, length) == 0;
    }
  g_object_unref (mimetype);
  return found;
}

/* The rows read are placed in a document only if the clerk still wants
 * it: placing a long sheet's rows takes a while too. */
static JxDocument *
import_sheet_data (JxSheetData *data, JxImportReport *report, GCancellable *cancellable,
                   GError **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return jx_sheet_import_document (data, report, error);
}

static JxDocument *
import_workbook (GsfInfile *zip, gsize size, JxImportReport *report, GCancellable *cancellable,
                 GError **error)
{
  JxSheetData data;
  JxDocument *document = NULL;

  jx_sheet_data_init (&data, TRUE);
  if (jx_sheet_data_read_xlsx (&data, zip, size, cancellable, error))
    document = import_sheet_data (&data, report, cancellable, error);
  jx_sheet_data_clear (&data);
  return document;
}

static JxDocument *
import_zip (GBytes *bytes, GsfInput *input, JxImportReport *report, GCancellable *cancellable,
            GError **error)
{
  g_autoptr(GError) zip_error = NULL;
  GsfInfile *zip = gsf_infile_zip_new (input, &zip_error);
  JxDocument *document = NULL;
  JxImportBudget budget;

  if (zip == NULL)
    {
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_DAMAGED,
                   _("The file starts like a Word or Excel file but its zip container "
                     "is damaged (%s). Open it in WPS or Word and save it again."),
                   zip_error != NULL ? zip_error->message : "?");
      return NULL;
    }

  jx_import_budget_init (&budget, g_bytes_get_size (bytes), cancellable);
  /* The main part is where the package's relationships say; Word, WPS and
   * LibreOffice all put it in word/. */
  if (has_child (zip, "word", "document.xml", NULL) ||
      (has_child (zip, "_rels", ".rels", NULL) && has_child (zip, "word", NULL)))
    document = jx_import_docx (zip, &budget, report, error);
  else if (has_child (zip, "xl", "workbook.xml", NULL))
    document = import_workbook (zip, g_bytes_get_size (bytes), report, cancellable, error);
  else if (is_opendocument (zip, "text"))
    g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_OLD_FORMAT,
                         _("This is an OpenDocument text (.odt). Save it as a Word "
                           "document (.docx) in WPS or LibreOffice, then import that."));
  else if (is_opendocument (zip, "spreadsheet"))
    g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_OLD_FORMAT,
                         _("This is an OpenDocument spreadsheet (.ods). Save it as an "
                           "Excel workbook (.xlsx) in WPS or LibreOffice, then import that."));
  else
    set_unsupported (error, _("This is a zip archive, but not a Word or Excel file: "
                              "it has neither word/document.xml nor xl/workbook.xml."));
  g_object_unref (zip);
  return document;
}

/* Old binary Office files and password-protected new ones are both OLE2
 * compound files; the streams inside tell them apart. */
static JxDocument *
import_ole (GsfInput *input, GError **error)
{
  GsfInfile *ole = gsf_infile_msole_new (input, NULL);

  if (ole == NULL)
    g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_DAMAGED,
                         _("The file starts like an old Office file but is damaged."));
  else if (has_child (ole, "EncryptedPackage", NULL) || has_child (ole, "EncryptionInfo", NULL))
    g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_ENCRYPTED,
                         _("The file is protected with a password. Open it in WPS or "
                           "Word, remove the password, save it, and import it again."));
  else if (has_child (ole, "WordDocument", NULL))
    g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_OLD_FORMAT,
                         _("This is an old binary Word file (.doc). Open it in WPS or "
                           "Word, save it as a Word document (.docx), then import that."));
  else if (has_child (ole, "Workbook", NULL) || has_child (ole, "Book", NULL))
    g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_OLD_FORMAT,
                         _("This is an old binary Excel file (.xls). Open it in WPS or "
                           "Excel, save it as an Excel workbook (.xlsx), then import that."));
  else
    g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_UNSUPPORTED,
                         _("This is an old Office file, but neither a Word document "
                           "nor an Excel workbook."));
  g_clear_object (&ole);
  return NULL;
}

/* A Jixiao document file given to import by mistake: say so rather than
 * reading its JSON as a spreadsheet. */
static gboolean
is_jixiao_document (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize head = MIN (size, 4096);

  if (head >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3, head -= 3;
  while (head > 0 && g_ascii_isspace (*data))
    data++, head--;
  return head > 0 && *data == '{' &&
         g_strstr_len (data, head, "\"" JX_DOCUMENT_FORMAT "\"") != NULL;
}

/* Text has no NUL bytes; office formats and images all do early on. */
static gboolean
looks_like_text (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return memchr (data, '\0', MIN (size, 65536)) == NULL;
}

/* UTF-16 text (Excel's "Unicode text") has NUL bytes but starts with its
 * byte order mark. */
static gboolean
is_utf16 (GBytes *bytes)
{
  static const guint8 le[] = { 0xff, 0xfe };
  static const guint8 be[] = { 0xfe, 0xff };

  return has_prefix (bytes, le, sizeof le) || has_prefix (bytes, be, sizeof be);
}

static JxDocument *
import_text (GBytes *bytes, const char *path, JxImportReport *report, GCancellable *cancellable,
             GError **error)
{
  JxSheetData data;
  JxDocument *document = NULL;

  if (is_jixiao_document (bytes))
    {
      g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_UNSUPPORTED,
                           _("This is already a Jixiao document file: open it instead "
                             "of importing it."));
      return NULL;
    }
  jx_sheet_data_init (&data, TRUE);
  if (jx_sheet_data_read (&data, bytes, path, cancellable, error))
    document = import_sheet_data (&data, report, cancellable, error);
  jx_sheet_data_clear (&data);
  return document;
}

GBytes *
jx_import_read_file (const char  *path,
                     GError     **error)
{
  GBytes *bytes = read_file (path, error);

  if (bytes != NULL && g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_EMPTY,
                           _("The file is empty."));
      g_clear_pointer (&bytes, g_bytes_unref);
    }
  return bytes;
}

gboolean
jx_import_check_sheet (GBytes        *bytes,
                       GCancellable  *cancellable,
                       GError       **error)
{
  GsfInput *input;
  gboolean ok = FALSE;

  if (has_prefix (bytes, zip_magic, sizeof zip_magic))
    {
      GsfInfile *zip;

      input = gsf_input_memory_new (g_bytes_get_data (bytes, NULL),
                                    (gsf_off_t) g_bytes_get_size (bytes), FALSE);
      zip = gsf_infile_zip_new (input, NULL);
      ok = zip == NULL || has_child (zip, "xl", "workbook.xml", NULL);
      if (!ok && has_child (zip, "word", "document.xml", NULL))
        set_unsupported (error, _("A Word document is imported as a new document; into an "
                                  "open one go only the indicator rows of an Excel workbook "
                                  "(.xlsx) or a CSV file."));
      else if (!ok)
        import_zip (bytes, input, NULL, cancellable, error);
      g_clear_object (&zip);
      g_object_unref (input);
      return ok;
    }
  if (has_prefix (bytes, ole_magic, sizeof ole_magic))
    {
      input = gsf_input_memory_new (g_bytes_get_data (bytes, NULL),
                                    (gsf_off_t) g_bytes_get_size (bytes), FALSE);
      import_ole (input, error);
      g_object_unref (input);
      return FALSE;
    }
  if (is_jixiao_document (bytes))
    return set_unsupported (error, _("This is already a Jixiao document file: open it instead "
                                     "of importing it."));
  if (looks_like_text (bytes) || is_utf16 (bytes))
    return TRUE;
  return set_unsupported (error, _("This is not a file Jixiao can import: it reads Word "
                                   "documents (.docx), Excel workbooks (.xlsx) and CSV files."));
}

/* path names the file the bytes are from, or is NULL. */
static JxDocument *
import_data (GBytes         *bytes,
             const char     *path,
             JxImportReport *report,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(JxImportReport) own_report = NULL;
  JxDocument *document = NULL;
  GsfInput *input;

  if (report == NULL)
    report = own_report = jx_import_report_new ();
  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }
  if (g_bytes_get_size (bytes) > JX_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB, far more than any budget "
                     "document; it was not read."),
                   (guint) (JX_IMPORT_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  input = gsf_input_memory_new (g_bytes_get_data (bytes, NULL),
                                (gsf_off_t) g_bytes_get_size (bytes), FALSE);
  if (has_prefix (bytes, zip_magic, sizeof zip_magic))
    document = import_zip (bytes, input, report, cancellable, error);
  else if (has_prefix (bytes, ole_magic, sizeof ole_magic))
    document = import_ole (input, error);
  else if (looks_like_text (bytes) || is_utf16 (bytes))
    document = import_text (bytes, path, report, cancellable, error);
  else
    set_unsupported (error, _("This is not a file Jixiao can import: it reads Word "
                              "documents (.docx), Excel workbooks (.xlsx) and CSV files."));
  g_object_unref (input);
  return document;
}

JxDocument *
jx_import_bytes (GBytes         *bytes,
                 JxImportReport *report,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return import_data (bytes, NULL, report, cancellable, error);
}

JxDocument *
jx_import_file (const char     *path,
                JxImportReport *report,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  bytes = read_file (path, error);
  if (bytes == NULL)
    return NULL;
  return import_data (bytes, path, report, cancellable, error);
}

gboolean
jx_import_is_stage_column (const char *word)
{
  static const char * const words[] = {
    "全年预计完成情况", "完成目标可能性", "偏差原因", "原因说明", "改进措施", "原因说明及改进措施",
    "实际完成值", "达成情况", "分值", "得分", "偏差原因分析及改进措施", "调整后预算数",
    "全年预计执行数", "全年预计执行率", "全年预算数", "全年执行数", "执行率", "预算执行得分",
    "总分", "评价等级", "评价结论", "存在问题", NULL,
  };
  static const char * const endings[] = { "月完成值", "月执行数", "月执行率", "计划支出进度", NULL };

  if (g_strv_contains (words, word))
    return TRUE;
  for (guint i = 0; endings[i] != NULL; i++)
    if (g_str_has_suffix (word, endings[i]))
      return TRUE;
  return FALSE;
}
