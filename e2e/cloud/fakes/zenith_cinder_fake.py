"""Cinder volume driver of the local cloud: the in-tree fake LVM driver (volumes hold no data; this kernel has
no device-mapper), except that image <-> volume copies are faked too instead of running qemu-img on a missing
/dev/mapper device, and extend succeeds (the in-tree fake's volume group has no extend_volume, so every extend
ended in error_extending). Kept apart from the nova driver: importing nova into cinder-volume fails (duplicate options)."""
import io

from cinder.tests import fake_driver


class FakeDriver(fake_driver.FakeLoggingVolumeDriver):
    def copy_image_to_volume(self, context, volume, image_service, image_id, *args, **kwargs):
        return None

    def copy_volume_to_image(self, context, volume, image_service, image_meta):
        image_service.update(context, image_meta['id'], {}, io.BytesIO(b'\0' * 1048576), purge_props=False)

    def extend_volume(self, volume, new_size):
        # Only the size in Cinder's database changes: there is no logical volume to grow.
        return None
