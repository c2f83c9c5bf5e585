"""Putting the site online: the headers every host should send (policy), the inline scripts the
Content-Security-Policy allows by hash (inline), the files the build writes for the hosts
(host_files, precompress), and the check of a published site (verify)."""
