/* sb-file.c: writing a file so that a failure leaves nothing behind
 *
 * Exports (charts, the timeline, notices) are written to a temporary file
 * beside the destination and renamed over it only once complete: on
 * failure the destination is as it was and no other file remains.
 */

#define G_LOG_DOMAIN "sb-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>

#include "sb-file.h"

/**
 * sb_file_write_atomically:
 * @write: writes the whole file at the path it is given
 * @error_number: (out): the errno of a failed file operation, else 0
 * @status: (out): what @write returned when it failed, else success
 *
 * Returns: whether @path now holds what @write wrote
 */
gboolean
sb_file_write_atomically (const char      *path,
                          SbFileWriteFunc  write,
                          gpointer         user_data,
                          int             *error_number,
                          cairo_status_t  *status)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temporary = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  int fd;

  *error_number = 0;
  *status = CAIRO_STATUS_SUCCESS;

  fd = g_mkstemp_full (temporary, O_RDWR, 0666);
  if (fd < 0)
    {
      *error_number = errno;
      return FALSE;
    }
  g_close (fd, NULL);

  *status = write (temporary, user_data);
  if (*status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temporary);
      return FALSE;
    }

  if (g_rename (temporary, path) != 0)
    {
      *error_number = errno;
      g_unlink (temporary);
      return FALSE;
    }

  return TRUE;
}
