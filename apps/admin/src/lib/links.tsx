import { Anchor, Button, NavLink, type AnchorProps, type ButtonProps, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

// Mantine's look with the router's typed `to` and `params` (a polymorphic `component={Link}` loses them).

const AnchorBase = forwardRef<HTMLAnchorElement, AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement>>(
  (props, ref) => <Anchor ref={ref} {...props} />,
);
AnchorBase.displayName = 'AnchorBase';
export const AnchorLink = createLink(AnchorBase);

const ButtonBase = forwardRef<HTMLAnchorElement, ButtonProps & AnchorHTMLAttributes<HTMLAnchorElement>>(
  (props, ref) => <Button ref={ref} component="a" {...props} />,
);
ButtonBase.displayName = 'ButtonBase';
export const ButtonLink = createLink(ButtonBase);

const NavLinkBase = forwardRef<HTMLAnchorElement, NavLinkProps & AnchorHTMLAttributes<HTMLAnchorElement>>(
  (props, ref) => <NavLink ref={ref} component="a" {...props} />,
);
NavLinkBase.displayName = 'NavLinkBase';
export const NavLinkLink = createLink(NavLinkBase);
